import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { newId } from '../db/ids';
import type { PlanItemStatus } from '../db/types';
import { enqueueDueSweeps, runJobsUntilIdle } from '../jobs/runner';
import { ctxOf } from '../test/context';
import { actorOf, makeUser } from '../test/factories';
import { join, makeGroupWorld, type GroupWorld } from '../test/groups';
import { tempStore } from '../test/materials';
import { testSeal } from '../test/votes';
import { useTestDatabase } from '../test/vitest';
import { leaveGroup } from '../domain/groups/leave-group';
import { asId, type VoteId, type VoteOptionId } from '../domain/ids';
import { castBallot } from '../domain/votes/cast-ballot';
import { openVote } from '../domain/votes/open-vote';
import type { NotificationKind } from './kinds';
import { setChannels } from './notify';
import { sendReminders } from './reminders';

// The sweep reminds of what nobody acts to cause: a vote closing within a day (to those who
// have not voted) and plan items due within three days or overdue (to the responsible),
// by the school's calendar; a second sweep tells nobody again.

const t = useTestDatabase();
const { store } = tempStore();
const seal = testSeal();
let w: GroupWorld;
let other: Actor;
const HOUR = 3600_000;

beforeEach(async () => {
	setChannels(() => ({ email: false, telegram: false }));
	w = await makeGroupWorld(t.db);
	other = actorOf(await makeUser(t.db, { schoolId: w.schoolId, fullName: 'Бермет Алиева' }));
	await join(t.db, w.leader, w.groupId, other);
	await t.db.deleteFrom('notifications').execute();
});
afterEach(() => setChannels(undefined));

const as = (actor: Actor, now?: Date) => ({ ...ctxOf(t.db, actor, now), store });

/** Who of this test's group was told of a kind, by id, sorted; with the keys. */
async function told(kind: NotificationKind) {
	const rows = await t.db
		.selectFrom('notifications')
		.select(['userId', 'eventKey', 'subject', 'link', 'params'])
		.where('kind', '=', kind)
		.where('groupId', '=', w.groupId)
		.orderBy('userId')
		.orderBy('eventKey')
		.execute();
	return rows;
}
const ids = (...actors: Actor[]) => actors.map((a) => a.id).sort();

describe('vote closing', () => {
	const open = (closesAt: Date | undefined, now: Date, question = 'Кабыл алабызбы?') =>
		openVote(as(w.leader, now), { groupId: w.groupId, question, kind: 'yes_no', closesAt });
	const yes = async (voteId: VoteId) =>
		asId<VoteOptionId>(
			(
				await t.db
					.selectFrom('voteOptions')
					.select('id')
					.where('voteId', '=', voteId)
					.where('code', '=', 'yes')
					.executeTakeFirstOrThrow()
			).id
		);

	it('within 24 hours, only to those on the roll who have not voted; once', async () => {
		const t0 = new Date();
		const soon = await open(new Date(t0.getTime() + 20 * HOUR), t0, 'Жакында жабылат');
		const later = await open(new Date(t0.getTime() + 30 * HOUR), t0, 'Кийин жабылат');
		await open(undefined, t0, 'Мөөнөтү жок');
		await castBallot(as(w.member, t0), {
			groupId: w.groupId,
			voteId: soon.voteId,
			choices: [await yes(soon.voteId)],
			seal
		});
		await sendReminders(t.db, t0);
		const closing = await told('vote.closing');
		// The leader is on the roll too, and no one acted: told like anyone who has not voted.
		expect(closing.map((r) => r.userId).sort()).toEqual(ids(w.leader, other));
		expect(new Set(closing.map((r) => r.eventKey))).toEqual(
			new Set([`vote.closing:${soon.voteId}`])
		);
		expect(closing[0]!.subject).toBe('Жакында жабылат');
		expect(closing[0]!.link).toBe(`/groups/${w.groupId}/votes/${soon.voteId}`);
		expect(JSON.parse(closing[0]!.params)).toEqual({
			closesAt: new Date(t0.getTime() + 20 * HOUR).toISOString()
		});

		// A second sweep tells nobody again.
		await sendReminders(t.db, new Date(t0.getTime() + 10 * 60_000));
		expect(await told('vote.closing')).toHaveLength(2);

		// Seven hours on, the second vote is within its last day too.
		await sendReminders(t.db, new Date(t0.getTime() + 7 * HOUR));
		const now = await told('vote.closing');
		expect(
			now
				.filter((r) => r.eventKey === `vote.closing:${later.voteId}`)
				.map((r) => r.userId)
				.sort()
		).toEqual(ids(w.leader, w.member, other));
	});

	// Fails until notify.ts keeps a roll to current members (/work/c8-notify-current-members.patch):
	// once applied, make this `it`.
	it('a member who left is not reminded', async () => {
		const t0 = new Date();
		await open(new Date(t0.getTime() + 5 * HOUR), t0);
		await leaveGroup(as(other, t0), { groupId: w.groupId });
		await t.db.deleteFrom('notifications').execute();
		await sendReminders(t.db, t0);
		expect((await told('vote.closing')).map((r) => r.userId).sort()).toEqual(
			ids(w.leader, w.member)
		);
	});
});

describe('plan items', () => {
	async function item(
		title: string,
		dueOn: string,
		over: { responsibleId?: string | null; status?: PlanItemStatus } = {}
	) {
		const id = newId();
		const now = new Date();
		await t.db
			.insertInto('planItems')
			.values({
				id,
				groupId: w.groupId,
				kind: 'seminar',
				title,
				dueOn,
				responsibleId: over.responsibleId === undefined ? w.member.id : over.responsibleId,
				status: over.status ?? 'planned',
				notes: '',
				createdBy: w.leader.id,
				createdAt: now,
				updatedAt: now,
				approbationId: null
			})
			.execute();
		return id;
	}

	it('due within 3 days and overdue, by the school day, to the responsible; once', async () => {
		// 20:00 UTC on 7 December is 02:00 on 8 December in Bishkek: the school's today is the 8th.
		const now = new Date('2026-12-07T20:00:00Z');
		const dueSoon = await item('Семинар', '2026-12-11');
		await item('Кийинки семинар', '2026-12-12');
		const overdue = await item('Ачык сабак', '2026-12-07');
		await item('Эски иш', '2026-10-01');
		await item('Бүткөн иш', '2026-12-06', { status: 'done' });
		await item('Жоопкери жок', '2026-12-09', { responsibleId: null });
		await item('Башкасынын иши', '2026-12-09', { responsibleId: other.id });
		await leaveGroup(as(other), { groupId: w.groupId });

		await sendReminders(t.db, now);
		const due = await told('plan.due');
		expect(due.map((r) => [r.userId, r.eventKey])).toEqual([
			[w.member.id, `plan.due:${dueSoon}:2026-12-11`]
		]);
		expect(due[0]!.subject).toBe('Семинар');
		expect(due[0]!.link).toBe(`/groups/${w.groupId}/plan/${dueSoon}`);
		expect(JSON.parse(due[0]!.params)).toEqual({ date: '2026-12-11' });
		const late = await told('plan.overdue');
		expect(late.map((r) => [r.userId, r.eventKey])).toEqual([
			[w.member.id, `plan.overdue:${overdue}:2026-12-07`]
		]);

		await sendReminders(t.db, new Date(now.getTime() + 10 * 60_000));
		expect(await told('plan.due')).toHaveLength(1);
		expect(await told('plan.overdue')).toHaveLength(1);

		// A new due date is a new reminder.
		await t.db
			.updateTable('planItems')
			.set({ dueOn: '2026-12-10' })
			.where('id', '=', dueSoon)
			.execute();
		await sendReminders(t.db, new Date(now.getTime() + 20 * 60_000));
		expect((await told('plan.due')).map((r) => r.eventKey)).toEqual([
			`plan.due:${dueSoon}:2026-12-10`,
			`plan.due:${dueSoon}:2026-12-11`
		]);
	});

	it('the periodic sweep is registered and runs from the queue', async () => {
		const now = new Date();
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' }).format(now);
		await item('Бүгүнкү иш', today);
		await enqueueDueSweeps(t.db, now);
		await runJobsUntilIdle(t.db, store);
		expect((await told('plan.due')).map((r) => r.userId)).toEqual([w.member.id]);
	});
});
