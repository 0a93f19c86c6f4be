// `npm run bench:notify`: a vote opened in every group of a deployment of 50 schools × 60
// teachers (200 groups, all members subscribed to instant email) — how long until every
// member has been emailed, how long the daily digests of 5,000 people take to build, and how
// the signed-in home page's p95 fares during the fan-out against without it, in one run.
//
// Method
//   1. Builds the app if needed; starts an SMTP sink (smtp-server, in this process) and the
//      real server (`scripts/start.js`, SQLite, jobs on, SMTP_URL = the sink).
//   2. Seeds through SQL (timed): 50 schools, 60 teachers each, 4 groups per school with 15
//      members (the first leads); sessions for BENCH_CLIENTS teachers.
//   3. Baseline: BENCH_CLIENTS concurrent clients GET /home for BENCH_SECONDS; p95 latency.
//   4. Fan-out: the 200 leaders open a vote each (the use case, in this process, on the same
//      database file), while the same clients load /home until the sink has received the
//      mail of every member told. fanout_s = first vote opened → last mail received (the
//      server's job runner polls every 3 s: up to 3 s of it is waiting to be noticed).
//   5. Digests: 5,000 people (the 3,000 teachers and 2,000 more) with 4 pending daily
//      notifications each; the digest builder composes every mail (timed, not sent).
// Output: a table, then LAST one JSON line {"fanout_s":…,"digest_s":…,"home_p95_ratio":…, extra}.
// Goal: home_p95_ratio ≤ 1.5.
import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { buildIfNeeded } from '../scripts/lib/build.js';
import type { Actor } from '../src/lib/server/access/actor';
import { newId } from '../src/lib/server/db/ids';
import type { DB } from '../src/lib/server/db/types';
import { createSession } from '../src/lib/server/domain/accounts/sessions';
import { asId, type GroupId, type SchoolId, type UserId } from '../src/lib/server/domain/ids';
import { openVote } from '../src/lib/server/domain/votes/open-vote';
import { ballotSeal } from '../src/lib/server/domain/votes/seal';
import { freePort, startBenchServer } from './lib/server';
import { buildDigests } from '../src/lib/server/notify/email/digest';
import { setChannels } from '../src/lib/server/notify';

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 50);
const TEACHERS = Number(process.env.BENCH_TEACHERS ?? 60);
const GROUPS_PER_SCHOOL = Number(process.env.BENCH_GROUPS_PER_SCHOOL ?? 4);
const DIGEST_PEOPLE = Number(process.env.BENCH_DIGEST_PEOPLE ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);

// ------------------------------------------------------------------ the SMTP sink

const sinkPort = await freePort();
let received = 0;
let lastReceivedAt = 0;
const sink = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, _session, done) {
		stream.on('data', () => {});
		stream.on('end', () => {
			received++;
			lastReceivedAt = performance.now();
			done();
		});
	}
});
await new Promise<void>((resolve) => sink.listen(sinkPort, '127.0.0.1', resolve));
// This process enqueues the delivery jobs when it opens the votes: email is on for it too
// (its configuration was read before the sink had a port).
process.env.SMTP_URL = `smtp://127.0.0.1:${sinkPort}`;
setChannels(() => ({ email: true, telegram: false }));

// ------------------------------------------------------------------ seed

interface Seeded {
	leaders: { actor: Actor; groupId: GroupId }[];
	teachers: { id: string; schoolId: string }[];
	members: number;
}

async function seed(db: DB): Promise<Seeded> {
	const now = new Date();
	const hash = 'bench-no-sign-in';
	const leaders: Seeded['leaders'] = [];
	const teachers: Seeded['teachers'] = [];
	let members = 0;
	await db
		.insertInto('deployment')
		.values({ id: 1, setupAt: now })
		.onConflict((oc) => oc.doNothing())
		.execute();
	for (let s = 0; s < SCHOOLS; s++) {
		await db.transaction().execute(async (trx) => {
			const schoolId = newId();
			await trx
				.insertInto('schools')
				.values({
					id: schoolId,
					name: `${s + 1}-мектеп`,
					region: 'KG-C',
					city: 'Бишкек',
					slug: `bench-${s + 1}`,
					createdAt: now,
					updatedAt: now
				})
				.execute();
			const users = Array.from({ length: TEACHERS }, (_, t) => ({
				id: newId(),
				schoolId,
				email: `t${s}-${t}@bench.kg`,
				passwordHash: hash,
				fullName: `Мугалим ${s + 1}-${t + 1}`,
				role: 'teacher',
				isOperator: false,
				isActive: true,
				locale: ['ky', 'ru', 'en'][t % 3]!,
				experienceYears: null,
				qualificationCategory: null,
				createdAt: now,
				updatedAt: now,
				deactivatedAt: null
			}));
			await trx.insertInto('users').values(users).execute();
			teachers.push(...users.map((u) => ({ id: u.id, schoolId })));
			const size = Math.floor(TEACHERS / GROUPS_PER_SCHOOL);
			for (let g = 0; g < GROUPS_PER_SCHOOL; g++) {
				const groupId = newId();
				await trx
					.insertInto('groups')
					.values({
						id: groupId,
						schoolId,
						name: `Топ ${g + 1}`,
						theme: 'Окуу сабаттуулугу',
						problem: '',
						goals: '',
						expectedResults: '',
						strategy: '',
						formsOfWork: '',
						startedOn: '2026-09-01',
						isExternalVoteAllowed: false,
						createdBy: null,
						createdAt: now,
						updatedAt: now,
						closedAt: null,
						closedBy: null,
						closedReason: null,
						requiredObservations: 1
					})
					.execute();
				const mine = users.slice(g * size, (g + 1) * size);
				await trx
					.insertInto('groupMembers')
					.values(
						mine.map((u, i) => ({
							groupId,
							userId: u.id,
							role: i === 0 ? 'leader' : 'member',
							joinedAt: now,
							leftAt: null
						}))
					)
					.execute();
				members += mine.length;
				const leader = mine[0]!;
				leaders.push({
					groupId: asId<GroupId>(groupId),
					actor: {
						id: asId<UserId>(leader.id),
						fullName: leader.fullName,
						schoolId: asId<SchoolId>(schoolId),
						role: 'teacher',
						isOperator: false,
						locale: 'ky'
					}
				});
			}
		});
	}
	return { leaders, teachers, members };
}

// ------------------------------------------------------------------ measuring

const p95 = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
};

/** Latencies of `clients` loops GETting /home with their sessions until `until()` says stop. */
async function loadHome(url: string, cookies: string[], until: () => boolean): Promise<number[]> {
	const times: number[] = [];
	await Promise.all(
		cookies.map(async (cookie) => {
			while (!until()) {
				const t0 = performance.now();
				const response = await fetch(`${url}/home`, { headers: { cookie }, redirect: 'manual' });
				await response.arrayBuffer();
				if (response.status !== 200) throw new Error(`GET /home: ${response.status}`);
				times.push(performance.now() - t0);
			}
		})
	);
	return times;
}

// ------------------------------------------------------------------ the run

buildIfNeeded();
const server = await startBenchServer('notify', { SMTP_URL: process.env.SMTP_URL, JOBS: 'on' });
const db = server.handle.db;
try {
	const t0 = performance.now();
	const seeded = await seed(db);
	const seedS = (performance.now() - t0) / 1000;
	const cookies: string[] = [];
	for (const teacher of seeded.teachers.slice(0, CLIENTS))
		cookies.push(`ustat_session=${(await createSession(db, teacher.id)).token}`);

	// Warm-up, then the baseline.
	let stop = performance.now() + 2000;
	await loadHome(server.url, cookies, () => performance.now() > stop);
	stop = performance.now() + SECONDS * 1000;
	const baseline = await loadHome(server.url, cookies, () => performance.now() > stop);

	// The fan-out, with the same load running.
	const seal = ballotSeal(randomBytes(32));
	const told = seeded.members - seeded.leaders.length;
	let finished = false;
	const fanStart = performance.now();
	const during = loadHome(server.url, cookies, () => finished);
	for (const { actor, groupId } of seeded.leaders)
		await openVote(
			{ db, now: new Date(), actor, store: undefined as never },
			{
				groupId,
				question: 'Сабактын планын кабыл алабызбы?',
				description: '',
				kind: 'yes_no',
				options: [],
				quorumPercent: 50,
				isSecret: false,
				isExternalAllowed: false,
				tally: 'after_close',
				seal
			}
		);
	const opened = performance.now();
	const deadline = performance.now() + Number(process.env.BENCH_FANOUT_LIMIT_S ?? 600) * 1000;
	while (received < told && performance.now() < deadline)
		await new Promise((r) => setTimeout(r, 100));
	finished = true;
	const duringTimes = await during;
	if (received < told) {
		// Say why, rather than only that the mail did not come.
		const jobs = await db
			.selectFrom('jobs')
			.select(['kind', 'status', 'error', db.fn.countAll<number>().as('n')])
			.groupBy(['kind', 'status', 'error'])
			.execute();
		const made = await db
			.selectFrom('notifications')
			.select(db.fn.countAll<number>().as('n'))
			.executeTakeFirst();
		console.error({ notifications: made?.n, jobs }, server.output().slice(-2000));
	}
	const fanoutS = ((received >= told ? lastReceivedAt : performance.now()) - fanStart) / 1000;

	// How the fan-out's time splits: waiting in the queue, and the delivery jobs' own work.
	const emailJobs = await db
		.selectFrom('jobs')
		.select(['createdAt', 'startedAt', 'finishedAt'])
		.where('kind', '=', 'notify.email')
		.execute();
	const ms = (a: Date | null, b: Date | null) => (a && b ? b.getTime() - a.getTime() : 0);
	const jobWorkS = emailJobs.reduce((sum, j) => sum + ms(j.startedAt, j.finishedAt), 0) / 1000;
	const firstWaitS = Math.min(...emailJobs.map((j) => ms(j.createdAt, j.startedAt))) / 1000;

	// Digests for DIGEST_PEOPLE people.
	const extra = Math.max(0, DIGEST_PEOPLE - seeded.teachers.length);
	const now = new Date(Date.now() - 3_600_000);
	const people = [...seeded.teachers.map((t) => t.id)];
	for (let i = 0; i < extra; i += 500) {
		const batch = Array.from({ length: Math.min(500, extra - i) }, (_, k) => ({
			id: newId(),
			schoolId: seeded.teachers[(i + k) % seeded.teachers.length]!.schoolId,
			email: `d${i + k}@bench.kg`,
			passwordHash: 'bench-no-sign-in',
			fullName: `Кеңешчи ${i + k + 1}`,
			role: 'consultant',
			isOperator: false,
			isActive: true,
			locale: ['ky', 'ru', 'en'][(i + k) % 3]!,
			experienceYears: null,
			qualificationCategory: null,
			createdAt: now,
			updatedAt: now,
			deactivatedAt: null
		}));
		await db.insertInto('users').values(batch).execute();
		people.push(...batch.map((b) => b.id));
	}
	const groupOf = seeded.leaders.map((l) => l.groupId);
	for (let i = 0; i < people.length; i += 100) {
		const rows = people.slice(i, i + 100).flatMap((userId, k) =>
			['material.offered', 'proposal.in_discussion', 'vote.closed', 'group.member_joined'].map(
				(kind, j) => ({
					id: newId(),
					userId,
					kind,
					eventKey: `bench:${kind}:${i + k}`,
					schoolId: null,
					groupId: groupOf[(i + k + j) % groupOf.length]!,
					actorId: null,
					subject: `Материал №${i + k + 1}: окуу сабаттуулугу`,
					link: `/groups/${groupOf[(i + k + j) % groupOf.length]}`,
					params: '{}',
					createdAt: now,
					readAt: null,
					email: 'daily',
					emailedAt: null,
					hasTelegram: false,
					telegrammedAt: null
				})
			)
		);
		await db.insertInto('notifications').values(rows).execute();
	}
	// The digests are due from 07:00 in the school's time zone: build them as at 08:00 Bishkek.
	const morning = new Date(`${now.toISOString().slice(0, 10)}T02:00:00Z`);
	const d0 = performance.now();
	const digests = await buildDigests(db, new Date(Math.max(morning.getTime(), now.getTime())));
	const digestS = (performance.now() - d0) / 1000;

	const base = p95(baseline);
	const busy = p95(duringTimes);
	const rows = [
		['seed (s)', seedS.toFixed(1)],
		['schools × teachers', `${SCHOOLS} × ${TEACHERS}`],
		['groups', String(seeded.leaders.length)],
		['members told', String(told)],
		['mails received', String(received)],
		['votes opened in (s)', ((opened - fanStart) / 1000).toFixed(1)],
		['fan-out (s)', fanoutS.toFixed(1)],
		['delivery jobs, their work (s)', `${emailJobs.length}, ${jobWorkS.toFixed(1)}`],
		['first delivery job waited (s)', firstWaitS.toFixed(1)],
		['digests built', String(digests.length)],
		['digest build (s)', digestS.toFixed(2)],
		['home p95 without (ms)', base.toFixed(1)],
		['home p95 during (ms)', busy.toFixed(1)],
		['home requests without / during', `${baseline.length} / ${duringTimes.length}`]
	];
	for (const [k, v] of rows) console.log(`${k.padEnd(34)} ${v}`);
	console.log(
		JSON.stringify({
			fanout_s: Number(fanoutS.toFixed(1)),
			digest_s: Number(digestS.toFixed(2)),
			home_p95_ratio: Number((busy / base).toFixed(2)),
			home_p95_ms: Number(base.toFixed(1)),
			home_p95_during_ms: Number(busy.toFixed(1)),
			mails: received,
			email_jobs_work_s: Number(jobWorkS.toFixed(1)),
			told,
			digests: digests.length,
			seed_s: Number(seedS.toFixed(1))
		})
	);
	if (received < told) process.exitCode = 1;
} catch (error) {
	console.error(server.output().slice(-3000));
	throw error;
} finally {
	await server.stop();
	sink.close();
}
