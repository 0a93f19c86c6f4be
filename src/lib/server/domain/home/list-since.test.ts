import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { ctxOf } from '../../test/context';
import { makeGroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { castBallot } from '../votes/cast-ballot';
import { openVote } from '../votes/open-vote';
import { testSeal } from '../../test/votes';
import { asId, type VoteOptionId } from '../ids';
import { listSince, SINCE_LIMIT } from './list-since';

const t = useTestDatabase();

describe('new in your groups', () => {
	it('shows the person’s own news of their groups since a moment, newest first, linked', async () => {
		const w = await makeGroupWorld(t.db);
		const seal = testSeal();
		// After the world was made (its own news, at the real clock, is older).
		const start = Date.now() + 3600_000;
		const at = (minutes: number) => new Date(start + minutes * 60_000);
		const opened = at(0);
		const as = (actor: Actor, now = opened) => ctxOf(t.db, actor, now);
		const { voteId } = await openVote(as(w.leader), {
			groupId: w.groupId,
			question: 'Жыйындыны бекитебизби?',
			kind: 'yes_no',
			isSecret: true
		});
		const since = async (actor: Actor, from: Date) => listSince(as(actor), { since: from });

		const news = await since(w.member, at(-1));
		expect(news).toHaveLength(1);
		expect(news[0]).toMatchObject({
			kind: 'vote.opened',
			labelKey: 'notify_kind_vote_opened',
			subject: 'Жыйындыны бекитебизби?',
			groupName: 'Функционалдык сабаттуулук',
			actor: { id: w.leader.id, fullName: 'Айгүл Өмүрбекова', photoKey: null },
			isRead: false
		});
		expect(news[0]!.href).toBe(`/inbox/${news[0]!.id}`);
		// Older than the visit before: not new.
		expect(await since(w.member, at(1))).toEqual([]);
		// Nothing of the group reaches people outside it.
		for (const outsider of [w.staff, w.otherAdmin, w.otherTeacher])
			expect(await since(outsider, at(-1))).toEqual([]);

		// A secret ballot tells nobody anything: no news of who voted.
		const [yes] = await t.db
			.selectFrom('voteOptions')
			.select('id')
			.where('voteId', '=', voteId)
			.orderBy('position')
			.execute();
		await castBallot(as(w.member, at(30)), {
			groupId: w.groupId,
			voteId,
			choices: [asId<VoteOptionId>(yes!.id)],
			seal
		});
		for (const person of [w.leader, w.scientist, w.admin])
			expect((await since(person, at(10))).filter((i) => i.kind.startsWith('vote'))).toEqual([]);
	});

	it('keeps to ten, leaves out what is not about a group and kinds no longer known', async () => {
		const w = await makeGroupWorld(t.db);
		const base = Date.now() + 3600_000;
		const row = (i: number, over: Record<string, unknown> = {}) => ({
			id: newId(),
			userId: w.member.id,
			kind: 'post.replied',
			eventKey: `test:${i}`,
			schoolId: w.schoolId,
			groupId: w.groupId,
			actorId: w.leader.id,
			subject: `Талкуу ${i}`,
			link: `/groups/${w.groupId}/discussions`,
			params: '{}',
			createdAt: new Date(base + i * 60_000),
			readAt: null,
			email: 'off',
			emailedAt: null,
			hasTelegram: false,
			telegrammedAt: null,
			...over
		});
		await t.db
			.insertInto('notifications')
			.values([
				...Array.from({ length: 12 }, (_, i) => row(i)),
				row(20, { kind: 'account.reset_issued', groupId: null }),
				row(21, { kind: 'renamed.kind' })
			])
			.execute();
		const news = await listSince(ctxOf(t.db, w.member, new Date(base + 3600_000)), {
			since: new Date(base - 1)
		});
		expect(news.map((i) => i.subject)).toEqual(
			Array.from({ length: SINCE_LIMIT }, (_, i) => `Талкуу ${11 - i}`)
		);
	});
});
