import { describe, expect, it } from 'vitest';
import { ctxOf } from '../../test/context';
import { actorOf, makeSchool, makeUser } from '../../test/factories';
import { useTestDatabase } from '../../test/vitest';
import { FIRST_VISIT_DAYS, recordVisit } from './record-visit';

const t = useTestDatabase();

const at = (iso: string) => new Date(iso);
const minutes = (n: number) => n * 60 * 1000;

describe('home visits', () => {
	it('measures "new" from the visit before, and a reload soon after keeps it', async () => {
		const school = await makeSchool(t.db);
		const person = actorOf(await makeUser(t.db, { schoolId: school.id }));
		const visit = (iso: string) => recordVisit(ctxOf(t.db, person, at(iso)));
		const row = () =>
			t.db
				.selectFrom('homeVisits')
				.select(['previousSeenAt', 'seenAt'])
				.where('userId', '=', person.id)
				.executeTakeFirstOrThrow();

		// The first visit: "new" reaches two weeks back.
		const first = await visit('2026-11-20T09:00:00Z');
		expect(first.isFirst).toBe(true);
		expect(first.since.getTime()).toBe(
			at('2026-11-20T09:00:00Z').getTime() - FIRST_VISIT_DAYS * 24 * 3600 * 1000
		);
		// A reload a moment later: nothing is written, the same window.
		expect((await visit('2026-11-20T09:00:05Z')).since).toEqual(first.since);
		expect(new Date((await row()).seenAt)).toEqual(at('2026-11-20T09:00:00Z'));

		// The next day: new since the first visit, and it stays so on a reload.
		const next = await visit('2026-11-21T08:00:00Z');
		expect(next).toEqual({ since: at('2026-11-20T09:00:00Z'), isFirst: false });
		const reload = await visit('2026-11-21T08:01:00Z');
		expect(reload).toEqual({ since: at('2026-11-20T09:00:00Z'), isFirst: false });
		const stored = await row();
		expect(new Date(stored.seenAt)).toEqual(at('2026-11-21T08:00:00Z'));
		expect(new Date(stored.previousSeenAt!)).toEqual(at('2026-11-20T09:00:00Z'));

		// Past the gap, the marks move on.
		const later = new Date(at('2026-11-21T08:00:00Z').getTime() + minutes(31));
		expect(await recordVisit(ctxOf(t.db, person, later))).toEqual({
			since: at('2026-11-21T08:00:00Z'),
			isFirst: false
		});
	});

	it('keeps one row a person, two first visits at once included', async () => {
		const school = await makeSchool(t.db);
		const person = actorOf(await makeUser(t.db, { schoolId: school.id }));
		const other = actorOf(await makeUser(t.db, { schoolId: school.id }));
		const now = at('2026-11-20T09:00:00Z');
		await Promise.all([
			recordVisit(ctxOf(t.db, person, now)),
			recordVisit(ctxOf(t.db, person, now)),
			recordVisit(ctxOf(t.db, other, now))
		]);
		const rows = await t.db
			.selectFrom('homeVisits')
			.select('userId')
			.where('userId', 'in', [person.id, other.id])
			.execute();
		expect(rows).toHaveLength(2);
	});
});
