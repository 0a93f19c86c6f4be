import { describe, expect, it } from 'vitest';
import { newId } from '../db/ids';
import type { DB } from '../db/types';
import { ctxOf } from '../test/context';
import { actorOf, makeSchool, makeUser } from '../test/factories';
import { useTestDatabase } from '../test/vitest';
import { searchWorkspace } from './workspace-search';
import { syncWorkspace } from './workspace-sync';

// A timing, not a test run by default: BENCH_WORKSPACE=1 npx vitest run <this file>. A school
// of 20 groups, each with 100 materials (3 KB of text), 50 proposals, 30 threads of 20 posts,
// 30 meetings with minutes, 40 decisions and 10 members: ~17,000 things to search.

const GROUPS = 20;
const t = useTestDatabase();

const vocabulary = (
	'сабак окуучу мугалим математика тапшырма оюн китеп класс билим долбоор изилдөө ' +
	'урок ученик учитель задача игра книга знание проект исследование методика оценка ' +
	'сабаттуулук окуу жазуу эсеп тарых география адабият музыка сүрөт дене тарбия'
).split(' ');
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const text = (n: number) =>
	Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');

async function insert(db: DB, table: string, rows: Record<string, unknown>[]) {
	for (let i = 0; i < rows.length; i += 200)
		await db
			.insertInto(table as never)
			.values(rows.slice(i, i + 200) as never)
			.execute();
}

async function seedSchool(db: DB) {
	const school = await makeSchool(db);
	const admin = actorOf(await makeUser(db, { schoolId: school.id, role: 'admin' }));
	const teachers = [];
	for (let i = 0; i < 60; i++)
		teachers.push(actorOf(await makeUser(db, { schoolId: school.id, role: 'teacher' })));
	const now = new Date();
	let n = 1;
	for (let g = 0; g < GROUPS; g++) {
		const groupId = newId();
		await insert(db, 'groups', [
			{
				id: groupId,
				schoolId: school.id,
				name: `Топ ${g}`,
				theme: text(8),
				problem: '',
				goals: '',
				expectedResults: '',
				strategy: '',
				formsOfWork: '',
				startedOn: '2026-09-01',
				createdBy: admin.id,
				createdAt: now,
				updatedAt: now,
				closedAt: null,
				closedBy: null,
				closedReason: null
			}
		]);
		const people = teachers.slice((g * 3) % 50, ((g * 3) % 50) + 10);
		await insert(
			db,
			'groupMembers',
			people.map((p, i) => ({
				groupId,
				userId: p.id,
				role: i === 0 ? 'leader' : 'member',
				joinedAt: now,
				leftAt: null
			}))
		);
		const materials = Array.from({ length: 100 }, () => ({
			id: newId(),
			groupId,
			authorId: people[1]!.id,
			type: 'lesson_plan',
			title: text(6),
			language: 'ky',
			abstract: text(30),
			bodyHtml: '',
			bodyText: text(450),
			tags: '[]',
			status: random() < 0.2 ? 'draft' : 'offered',
			versionNumber: 1,
			createdAt: now,
			updatedAt: now,
			offeredAt: now
		}));
		await insert(db, 'materials', materials);
		await insert(
			db,
			'materialAuthors',
			materials.map((m) => ({ materialId: m.id, userId: people[1]!.id, isMain: true }))
		);
		await insert(
			db,
			'proposals',
			Array.from({ length: 50 }, () => ({
				id: newId(),
				groupId,
				number: n++,
				kind: 'other',
				title: text(6),
				body: text(80),
				status: 'analyzed',
				authorId: people[2]!.id,
				analysis: text(40),
				analyzedBy: null,
				analyzedAt: null,
				createdAt: now,
				updatedAt: now
			}))
		);
		for (let th = 0; th < 30; th++) {
			const threadId = newId();
			await insert(db, 'discussionThreads', [
				{
					id: threadId,
					groupId,
					proposalId: null,
					title: text(5),
					authorId: people[3]!.id,
					createdAt: now,
					lastPostAt: now
				}
			]);
			await insert(
				db,
				'discussionPosts',
				Array.from({ length: 20 }, (_, i) => ({
					id: newId(),
					threadId,
					parentId: null,
					authorId: people[i % 10]!.id,
					body: text(60),
					quotedPostId: null,
					quote: null,
					createdAt: now,
					editedAt: null
				}))
			);
		}
		await insert(
			db,
			'meetings',
			Array.from({ length: 30 }, () => ({
				id: newId(),
				groupId,
				number: n++,
				heldOn: '2026-10-01',
				startTime: null,
				place: text(2),
				onlineLink: '',
				chairId: null,
				secretaryId: null,
				invited: '',
				notes: text(200),
				decisions: text(60),
				createdBy: null,
				createdAt: now,
				updatedAt: now
			}))
		);
		for (let d = 0; d < 40; d++) {
			const voteId = newId();
			const number = n++;
			await insert(db, 'votes', [
				{
					id: voteId,
					groupId,
					number,
					proposalId: null,
					question: text(8),
					description: '',
					kind: 'yes_no',
					maxChoices: 1,
					quorumPercent: null,
					closesAt: null,
					isSecret: false,
					isExternalAllowed: true,
					isTallyLive: false,
					status: 'closed',
					openedBy: null,
					openedAt: now,
					closedAt: now,
					updatedAt: now,
					collectionEditionId: null
				}
			]);
			await insert(db, 'decisions', [
				{
					id: newId(),
					groupId,
					number,
					voteId,
					proposalId: null,
					meetingId: null,
					text: text(40),
					outcome: 'accepted',
					tally: '[]',
					rollCount: 10,
					participantCount: 10,
					quorumPercent: null,
					isQuorumMet: true,
					isClosedByDeadline: false,
					decidedAt: now,
					recordedBy: null,
					updatedAt: now
				}
			]);
		}
	}
	const groupIds = (
		await db.selectFrom('groups').select('id').where('schoolId', '=', school.id).execute()
	).map((r) => r.id);
	return { admin, member: teachers[4]!, groupIds };
}

describe.skipIf(!process.env.BENCH_WORKSPACE)('workspace search timing', () => {
	it('searches a realistic school', { timeout: 900_000 }, async () => {
		const started = performance.now();
		const { admin, member, groupIds } = await seedSchool(t.db);
		const seeded = performance.now();
		const first = await syncWorkspace(t.db, groupIds);
		const synced = performance.now();
		const entries = await t.db
			.selectFrom('workspaceEntries')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const time = async (label: string, actor: typeof admin, q: string, kind?: string) => {
			const runs: number[] = [];
			let total = 0;
			for (let i = 0; i < 5; i++) {
				const s = performance.now();
				const page = await searchWorkspace(ctxOf(t.db, actor), { q, kind });
				runs.push(performance.now() - s);
				total = page.total;
			}
			runs.sort((a, b) => a - b);
			return { label, q: q.slice(0, 30), total, median_ms: Math.round(runs[2]!) };
		};
		const results = [
			await time('admin, one word', admin, 'сабактар'),
			await time('admin, two words', admin, 'математика тапшырмалары'),
			await time('admin, typo', admin, 'математкиа'),
			await time('admin, page of posts', admin, 'окуучулар', 'discussion'),
			await time('admin, nothing', admin, 'жоктугу'),
			await time('member, one word', member, 'сабактар'),
			await time('admin, 10 KB', admin, 'сабак '.repeat(2000)),
			await time('admin, operators', admin, '" * : ( ) OR AND NEAR - ^ '.repeat(400))
		];
		console.log(
			JSON.stringify({
				entries: Number(entries.n),
				indexed: first.indexed,
				seed_s: Math.round(seeded - started) / 1000,
				first_sync_s: Math.round(synced - seeded) / 1000,
				results
			})
		);
		expect(Number(entries.n)).toBeGreaterThan(15_000);
	});
});
