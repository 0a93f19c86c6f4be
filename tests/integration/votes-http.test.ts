import { describe, expect, it } from 'vitest';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { asId, type GroupId } from '../../src/lib/server/domain/ids';
import { openVote } from '../../src/lib/server/domain/votes/open-vote';
import { ctxOf } from '../../src/lib/server/test/context';
import { actorOf, makeUser, sessionTokenFor } from '../../src/lib/server/test/factories';
import { join } from '../../src/lib/server/test/groups';
import { call, type TestServer } from '../../src/lib/server/test/server';
import { useWorld, type World } from './world';

// Votes over HTTP as browsers without JavaScript send them: many members voting at once,
// each counted exactly once; a ballot after closing refused with a translated message.

let server: TestServer;
let world: World;
useWorld((s, w) => {
	server = s;
	world = w;
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('votes over HTTP', () => {
	it('24 members vote at once, then all change their vote at once: the tally is exact', async () => {
		const db = server.db;
		const leader = actorOf(world.users.leaderA);
		const voters: { id: string; cookie: string }[] = [];
		for (let i = 0; i < 24; i++) {
			const user = await makeUser(db, { schoolId: world.schoolA, fullName: `Мүчө ${i}` });
			await join(db, leader, world.groupId, actorOf(user));
			voters.push({ id: user.id, cookie: `${sessionCookie}=${await sessionTokenFor(db, user)}` });
		}
		const { voteId } = await openVote(ctxOf(db, leader), {
			groupId: asId<GroupId>(world.groupId),
			question: 'Ачык сабактар жумалыгын декабрда өткөрөбүзбү?',
			kind: 'yes_no',
			isSecret: true
		});
		const options = await db
			.selectFrom('voteOptions')
			.select(['id', 'code'])
			.where('voteId', '=', voteId)
			.orderBy('position')
			.execute();
		const id = (code: string) => options.find((o) => o.code === code)!.id;
		const page = `/groups/${world.groupId}/votes/${voteId}`;
		const castAll = (choose: (i: number) => string) =>
			Promise.all(
				voters.map((v, i) =>
					call(server, `${page}?/cast`, { cookie: v.cookie, form: { choices: id(choose(i)) } })
				)
			);
		const first = await castAll((i) => (i % 3 === 0 ? 'no' : 'yes'));
		expect(first.map((r) => r.status).filter((s) => s >= 400)).toEqual([]);
		const second = await castAll((i) => (i % 4 === 0 ? 'abstain' : i % 2 === 0 ? 'no' : 'yes'));
		expect(second.map((r) => r.status).filter((s) => s >= 400)).toEqual([]);
		// A secret ballot: the page sent to a voter carries their own choice only, no tally and
		// nobody else's ballot (the serialized page data included).
		const voterPage = await (await call(server, page, { cookie: voters[3]!.cookie })).text();
		expect(voterPage).toContain('ballots:null');
		expect(voterPage).toContain('tally:null');

		const ballots = await db
			.selectFrom('ballots')
			.selectAll()
			.where('voteId', '=', voteId)
			.execute();
		expect(ballots).toHaveLength(24);
		expect(ballots.every((b) => b.choices === null && b.sealed !== null)).toBe(true);

		const close = await call(server, `${page}?/close`, {
			cookie: world.cookies.leaderA,
			form: { text: 'Ачык сабактар жумалыгы декабрда өтөт.' }
		});
		expect(close.status).toBeLessThan(400);
		const decision = await db
			.selectFrom('decisions')
			.selectAll()
			.where('voteId', '=', voteId)
			.executeTakeFirstOrThrow();
		// 0, 4, 8 … abstain (6); other even numbers no (6); odd numbers yes (12).
		expect(JSON.parse(decision.tally).map((l: { count: number }) => l.count)).toEqual([12, 6, 6]);
		expect(decision.participantCount).toBe(24);

		// Closed: a late ballot is refused, the message in the voter's language (Kyrgyz).
		const late = await call(server, `${page}?/cast`, {
			cookie: voters[1]!.cookie,
			form: { choices: id('no') }
		});
		expect(late.status).toBe(409);
		expect(text(await late.text())).toContain('Добуш берүү жабылды');
		const after = await db
			.selectFrom('decisions')
			.select('tally')
			.where('voteId', '=', voteId)
			.executeTakeFirstOrThrow();
		expect(after.tally).toBe(decision.tally);

		// The page shows who took part.
		const html = text(await (await call(server, page, { cookie: world.cookies.adminA })).text());
		expect(html).toContain('Мүчө 7');
	});
});
