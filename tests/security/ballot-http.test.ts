import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newId, newToken } from '../../src/lib/server/db/ids';
import { createSession, sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { asId, type VoteOptionId } from '../../src/lib/server/domain/ids';
import { castBallot } from '../../src/lib/server/domain/votes/cast-ballot';
import type { OpenVoteInput } from '../../src/lib/server/domain/votes/input';
import { openVote } from '../../src/lib/server/domain/votes/open-vote';
import { ballotSeal } from '../../src/lib/server/domain/votes/seal';
import { keyFile } from '../../src/lib/server/key-file';
import { ctxOf } from '../../src/lib/server/test/context';
import { actorOf, makeUser } from '../../src/lib/server/test/factories';
import { join, makeGroupWorld } from '../../src/lib/server/test/groups';
import {
	call,
	cookieFrom,
	startTestServer,
	type TestServer
} from '../../src/lib/server/test/server';
import { setUp } from '../integration/world';

// Issue 16, findings 3 and 4 (ballot) over HTTP on the built app: an admin who issues a voter
// a reset link and signs in as them neither learns nor changes a secret choice; a secret
// tally of too few ballots is never shown, and the leader may not close early on them; a
// ballot key kept in DATA_DIR by an earlier version is moved out, its open ballots still
// counted.

let server: TestServer;
let w: Awaited<ReturnType<typeof makeGroupWorld>>;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const hour = 3600_000;

beforeAll(async () => {
	server = await startTestServer();
	await setUp(server);
	w = await makeGroupWorld(server.db);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

const cookieOf = async (userId: string) =>
	`${sessionCookie}=${(await createSession(server.db, userId)).token}`;
const open = (over: Partial<OpenVoteInput> = {}) =>
	openVote(ctxOf(server.db, w.leader), {
		groupId: w.groupId,
		question: 'Ачык сабактар жумалыгын декабрда өткөрөбүзбү?',
		kind: 'yes_no',
		isSecret: true,
		...over
	});
const optionsOf = async (voteId: string) => {
	const rows = await server.db
		.selectFrom('voteOptions')
		.select(['id', 'code'])
		.where('voteId', '=', voteId)
		.execute();
	return (code: string) => rows.find((o) => o.code === code)!.id;
};
const pageOf = (voteId: string) => `/groups/${w.groupId}/votes/${voteId}`;

describe('an admin signed in as a voter through a reset link (finding 3)', () => {
	it('sees no secret choice and cannot change it', async () => {
		const { voteId } = await open();
		const id = await optionsOf(voteId);
		const page = pageOf(voteId);
		const voter = await cookieOf(w.member.id);
		const cast = await call(server, `${page}?/cast`, {
			cookie: voter,
			form: { choices: id('yes') }
		});
		expect(cast.status).toBeLessThan(400);
		// The voter sees their own choice.
		expect(text(await (await call(server, page, { cookie: voter })).text())).toContain(
			'Сиз тандадыңыз: Макул'
		);
		const before = await server.db
			.selectFrom('ballots')
			.selectAll()
			.where('voteId', '=', voteId)
			.executeTakeFirstOrThrow();

		// The admin issues the voter a reset link (as the staff page does) and uses it.
		const token = newToken();
		await server.db
			.insertInto('passwordResets')
			.values({
				id: newId(),
				tokenHash: hashToken(token),
				userId: w.member.id,
				issuedBy: w.admin.id,
				createdAt: new Date(),
				expiresAt: new Date(Date.now() + hour),
				usedAt: null
			})
			.execute();
		const password = 'Жашыл-тоо-2026-күзгү-кеңеш';
		const reset = await call(server, `/reset/${token}`, { form: { password } });
		expect(reset.status).toBe(303);
		const signedIn = await call(server, '/signin', {
			form: { email: w.member.email, password }
		});
		expect(signedIn.status).toBe(303);
		const admin = cookieFrom(signedIn, sessionCookie)!;
		expect(admin).toBeDefined();

		const html = await (await call(server, page, { cookie: admin })).text();
		expect(text(html)).not.toContain('Сиз тандадыңыз');
		expect(text(html)).toContain('жашыруун тандооңуз көрсөтүлбөйт');
		// Nor in the page's serialized data: no choice ticked, no choice named.
		expect(html).toContain('myChoiceIds:[]');
		expect(html).toContain('myChoices:null');
		expect(html).not.toMatch(/type="radio"[^>]*checked/);

		const changed = await call(server, `${page}?/cast`, {
			cookie: admin,
			form: { choices: id('no') }
		});
		expect(changed.status).toBe(403);
		expect(text(await changed.text())).toContain('жашыруун добушту өзгөртүүгө болбойт');
		const after = await server.db
			.selectFrom('ballots')
			.selectAll()
			.where('voteId', '=', voteId)
			.executeTakeFirstOrThrow();
		expect(after.sealed).toBe(before.sealed);
		expect(after.changedAt).toBeNull();
		const used = await server.db
			.selectFrom('securityEvents')
			.select('detail')
			.where('kind', '=', 'reset_used')
			.where('userId', '=', w.member.id)
			.execute();
		expect(used.map((e) => JSON.parse(e.detail!))).toEqual([{ isAdminIssued: true }]);
	});
});

describe('a secret tally of too few ballots (finding 4)', () => {
	it('an early close with one ballot is refused with a translated message', async () => {
		const { voteId } = await open({ closesAt: new Date(Date.now() + 2 * hour) });
		const id = await optionsOf(voteId);
		const page = pageOf(voteId);
		await call(server, `${page}?/cast`, {
			cookie: await cookieOf(w.member.id),
			form: { choices: id('yes') }
		});
		const leader = await cookieOf(w.leader.id);
		expect(text(await (await call(server, page, { cookie: leader })).text())).toContain(
			'Бюллетендердин эң аз саны: 3'
		);
		const close = await call(server, `${page}?/close`, {
			cookie: leader,
			form: { text: 'Кабыл алынды' }
		});
		expect(close.status).toBe(409);
		expect(text(await close.text())).toContain('жашыруун добуш берүүнү мөөнөтүнөн мурда');
		const vote = await server.db
			.selectFrom('votes')
			.select('status')
			.where('id', '=', voteId)
			.executeTakeFirstOrThrow();
		expect(vote.status).toBe('open');
	});

	it('closed by its deadline on two ballots: only the turnout shows, nothing decided', async () => {
		const { voteId } = await open({ closesAt: new Date(Date.now() + 2 * hour) });
		const id = await optionsOf(voteId);
		const page = pageOf(voteId);
		for (const [user, choice] of [
			[w.member, 'yes'],
			[w.leader, 'no']
		] as const)
			await call(server, `${page}?/cast`, {
				cookie: await cookieOf(user.id),
				form: { choices: id(choice) }
			});
		// Its deadline passes.
		await server.db
			.updateTable('votes')
			.set({ closesAt: new Date(Date.now() - 60_000) })
			.where('id', '=', voteId)
			.execute();
		for (const viewer of [w.admin, w.leader, w.member]) {
			const html = await (await call(server, page, { cookie: await cookieOf(viewer.id) })).text();
			const words = text(html);
			expect(words).toContain('жыйынтыгы көрсөтүлбөйт');
			expect(words).toContain('Бюллетендер өтө аз: чечим кабыл алынган жок');
			expect(words).toContain('2 кишиден 2 киши добуш берди'); // the turnout stays
			// No option with a count: neither as bars nor in the serialized data.
			expect(words).not.toMatch(/\d+ добуш, \d+\s?%/);
			expect(html).toContain('bars:[]');
		}
		const decision = await server.db
			.selectFrom('decisions')
			.selectAll()
			.where('voteId', '=', voteId)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(decision.tally)).toEqual([]);
		expect(decision.participantCount).toBe(2);
		expect(decision.outcome).toBe('no_quorum');
	});
});

describe('the ballot key kept in DATA_DIR by an earlier version', () => {
	it('is moved to KEY_DIR at start, and the open secret ballots it sealed are counted', async () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-ballot-key-'));
		const dataDir = path.join(root, 'data');
		const keyDir = path.join(root, 'keys');
		fs.mkdirSync(dataDir, { mode: 0o700 });
		const old = keyFile(path.join(dataDir, 'ballot.key'));
		const moved = await startTestServer({ dataDir, env: { KEY_DIR: keyDir } });
		try {
			await setUp(moved);
			const g = await makeGroupWorld(moved.db);
			const extra = [];
			for (const fullName of ['Чолпон Абдыкадырова', 'Бекболот Исаков'])
				extra.push(await joinedTeacher(moved, g, fullName));
			const { voteId } = await openVote(ctxOf(moved.db, g.leader), {
				groupId: g.groupId,
				question: 'Ачык сабактар жумалыгын декабрда өткөрөбүзбү?',
				kind: 'yes_no',
				isSecret: true
			});
			const options = await moved.db
				.selectFrom('voteOptions')
				.select(['id', 'code'])
				.where('voteId', '=', voteId)
				.execute();
			const yes = asId<VoteOptionId>(options.find((o) => o.code === 'yes')!.id);
			// Ballots sealed with the old key, as the earlier version did.
			const seal = ballotSeal(old);
			for (const voter of [g.member, g.leader, ...extra])
				await castBallot(ctxOf(moved.db, voter), {
					groupId: g.groupId,
					voteId,
					choices: [yes],
					seal
				});
			const close = await call(moved, `/groups/${g.groupId}/votes/${voteId}?/close`, {
				cookie: `${sessionCookie}=${(await createSession(moved.db, g.leader.id)).token}`,
				form: { text: 'Кабыл алынды' }
			});
			expect(close.status, moved.output()).toBeLessThan(400);
			const decision = await moved.db
				.selectFrom('decisions')
				.selectAll()
				.where('voteId', '=', voteId)
				.executeTakeFirstOrThrow();
			expect(JSON.parse(decision.tally).map((l: { count: number }) => l.count)).toEqual([4, 0, 0]);
			expect(fs.existsSync(path.join(dataDir, 'ballot.key'))).toBe(false);
			expect(keyFile(path.join(keyDir, 'ballot.key')).equals(old)).toBe(true);
			expect(fs.statSync(keyDir).mode & 0o777).toBe(0o700);
		} finally {
			await moved.stop();
			fs.rmSync(root, { recursive: true, force: true });
		}
	}, 90_000);
});

async function joinedTeacher(
	s: TestServer,
	g: Awaited<ReturnType<typeof makeGroupWorld>>,
	fullName: string
) {
	const teacher = actorOf(await makeUser(s.db, { schoolId: g.schoolId, fullName }));
	await join(s.db, g.leader, g.groupId, teacher);
	return teacher;
}
