import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { newId } from '../db/ids';
import type { DB, MaterialStatus } from '../db/types';
import { editPost } from '../domain/discussions/edit-post';
import { createGroup } from '../domain/groups/create-group';
import { asId, type GroupId, type PostId, type ThreadId } from '../domain/ids';
import { ctxOf } from '../test/context';
import { actorOf, makeUser } from '../test/factories';
import { charter, join, makeGroupWorld, type GroupWorld } from '../test/groups';
import { useTestDatabase } from '../test/vitest';
import { MAX_QUERY_LENGTH } from './text';
import { searchWorkspace, type WorkspacePage } from './workspace-search';
import { allGroupIds, syncWorkspace } from './workspace-sync';
import { WORKSPACE_SWEEP } from './workspace-jobs';
import { enqueueDueSweeps, runJobsUntilIdle } from '../jobs/runner';
import { fileStore } from '../storage';

const t = useTestDatabase();

/** A word nobody else uses (nor one edit away from another): Latin, no suffix is taken off it. */
const secret = () => `zq${randomBytes(8).toString('hex')}`;

const search = (actor: Actor, q: string, extra: { kind?: string; page?: number } = {}) =>
	searchWorkspace(ctxOf(t.db, actor), { q, ...extra });

// Source rows written as the use cases write them: the index must follow without them.
const at = (offset = 0) => new Date(Date.now() + offset);

async function material(
	db: DB,
	groupId: string,
	author: Actor,
	fields: { title: string; text?: string; status?: MaterialStatus }
) {
	const id = newId();
	await db
		.insertInto('materials')
		.values({
			id,
			groupId,
			authorId: author.id,
			type: 'lesson_plan',
			title: fields.title,
			language: 'ky',
			abstract: '',
			bodyHtml: `<p>${fields.text ?? ''}</p>`,
			bodyText: fields.text ?? '',
			tags: '[]',
			status: fields.status ?? 'offered',
			versionNumber: fields.status === 'draft' ? 0 : 1,
			createdAt: at(),
			updatedAt: at(),
			offeredAt: fields.status === 'draft' ? null : at()
		})
		.execute();
	await db
		.insertInto('materialAuthors')
		.values({ materialId: id, userId: author.id, isMain: true })
		.execute();
	return id;
}

let numbers = 1000;
async function proposal(db: DB, groupId: string, author: Actor, title: string, body: string) {
	const id = newId();
	await db
		.insertInto('proposals')
		.values({
			id,
			groupId,
			number: numbers++,
			kind: 'other',
			title,
			body,
			status: 'analyzed',
			authorId: author.id,
			analysis: '',
			analyzedBy: null,
			analyzedAt: null,
			createdAt: at(),
			updatedAt: at()
		})
		.execute();
	return id;
}

async function thread(db: DB, groupId: string, author: Actor, title: string, body: string) {
	const threadId = newId();
	const postId = newId();
	await db
		.insertInto('discussionThreads')
		.values({
			id: threadId,
			groupId,
			proposalId: null,
			title,
			authorId: author.id,
			createdAt: at(),
			lastPostAt: at()
		})
		.execute();
	await db
		.insertInto('discussionPosts')
		.values({
			id: postId,
			threadId,
			parentId: null,
			authorId: author.id,
			body,
			quotedPostId: null,
			quote: null,
			createdAt: at(),
			editedAt: null
		})
		.execute();
	return { threadId, postId };
}

async function meeting(
	db: DB,
	groupId: string,
	fields: { place: string; notes?: string; agenda?: string }
) {
	const id = newId();
	await db
		.insertInto('meetings')
		.values({
			id,
			groupId,
			number: numbers++,
			heldOn: '2026-11-20',
			startTime: '14:00',
			place: fields.place,
			onlineLink: '',
			chairId: null,
			secretaryId: null,
			invited: '',
			notes: fields.notes ?? '',
			decisions: '',
			createdBy: null,
			createdAt: at(),
			updatedAt: at()
		})
		.execute();
	if (fields.agenda)
		await db
			.insertInto('meetingAgendaItems')
			.values({
				id: newId(),
				meetingId: id,
				position: 1,
				title: fields.agenda,
				speaker: '',
				heard: '',
				spoke: '',
				decided: ''
			})
			.execute();
	return id;
}

async function decision(db: DB, groupId: string, question: string, text: string) {
	const voteId = newId();
	const id = newId();
	const number = numbers++;
	await db
		.insertInto('votes')
		.values({
			id: voteId,
			groupId,
			number,
			proposalId: null,
			question,
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
			openedAt: at(),
			closedAt: at(),
			updatedAt: at(),
			collectionEditionId: null
		})
		.execute();
	await db
		.insertInto('decisions')
		.values({
			id,
			groupId,
			number,
			voteId,
			proposalId: null,
			meetingId: null,
			text,
			outcome: 'accepted',
			tally: '[]',
			rollCount: 3,
			participantCount: 3,
			quorumPercent: null,
			isQuorumMet: true,
			isClosedByDeadline: false,
			decidedAt: at(),
			recordedBy: null,
			updatedAt: at()
		})
		.execute();
	return { id, voteId };
}

/**
 * Everything a page shows that did not come from the query itself (the query is echoed in the
 * search box): results, snippets, counts, the corrections offered. A planted word must never be there.
 */
const shown = (page: WorkspacePage) =>
	JSON.stringify({
		results: page.results,
		counts: page.counts,
		total: page.total,
		offered: page.corrections.map((c) => c.alternatives)
	}).toLowerCase();

let w: GroupWorld;
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});

describe('searchWorkspace: language and kinds', () => {
	it('finds Kyrgyz and Russian forms of a word, and a misspelt one with a correction', async () => {
		await material(t.db, w.groupId, w.member, {
			title: 'Сабактарыбызда оюн',
			text: 'Урок по математике для пятого класса.'
		});
		const kyrgyz = await search(w.leader, 'сабагы');
		expect(kyrgyz.results.map((r) => r.title)).toContain('Сабактарыбызда оюн');
		expect(kyrgyz.results[0]!.titleHtml).toContain('<mark>Сабактарыбызда</mark>');

		const russian = await search(w.leader, 'уроки математика');
		expect(russian.results.map((r) => r.title)).toContain('Сабактарыбызда оюн');
		expect(russian.results[0]!.snippet).toContain('<mark>математике</mark>');

		const typo = await search(w.leader, 'математкиа');
		expect(typo.results.map((r) => r.title)).toContain('Сабактарыбызда оюн');
		expect(typo.corrections).toEqual([{ word: 'математкиа', alternatives: ['математик'] }]);
	});

	it('finds each kind and links to its page', async () => {
		const word = secret();
		const materialId = await material(t.db, w.groupId, w.member, { title: `Материал ${word}` });
		const proposalId = await proposal(t.db, w.groupId, w.member, 'Сунуш', `Текст ${word}`);
		const { threadId, postId } = await thread(
			t.db,
			w.groupId,
			w.member,
			`Талкуу ${word}`,
			`Пост ${word}`
		);
		const meetingId = await meeting(t.db, w.groupId, {
			place: 'Китепкана',
			agenda: `Күн тартиби ${word}`
		});
		const { voteId } = await decision(t.db, w.groupId, 'Суроо', `Чечим ${word}`);

		const page = await search(w.leader, word);
		const byKind = Object.fromEntries(page.results.map((r) => [r.kind, r]));
		const g = `/groups/${w.groupId}`;
		expect(byKind.material?.href).toBe(`${g}/materials/${materialId}`);
		expect(byKind.proposal?.href).toBe(`${g}/proposals/${proposalId}`);
		expect(byKind.thread?.href).toBe(`${g}/discussions/${threadId}`);
		expect(byKind.post?.href).toBe(`${g}/discussions/${threadId}#post-${postId}`);
		expect(byKind.meeting?.href).toBe(`${g}/meetings/${meetingId}`);
		expect(byKind.meeting?.day).toBe('2026-11-20');
		expect(byKind.decision?.href).toBe(`${g}/votes/${voteId}`);
		expect(page.counts).toMatchObject({
			material: 1,
			proposal: 1,
			discussion: 2,
			meeting: 1,
			decision: 1
		});
		expect(page.results.every((r) => r.groupName === charter.name)).toBe(true);

		// Members by name; the kind filter keeps one kind.
		const members = await search(w.leader, 'Үсөнов', { kind: 'member' });
		expect(members.results).toHaveLength(1);
		expect(members.results[0]).toMatchObject({
			kind: 'member',
			id: w.member.id,
			href: `${g}/members`
		});
		const discussions = await search(w.leader, word, { kind: 'discussion' });
		expect(discussions.results.map((r) => r.kind).sort()).toEqual(['post', 'thread']);
		expect(discussions.total).toBe(2);
	});

	it('ranks a match in the title first, and pages', async () => {
		const word = secret();
		for (let i = 0; i < 22; i++)
			await proposal(t.db, w.groupId, w.member, `Сунуш ${i}`, `Текстте ${word}`);
		const titled = await proposal(t.db, w.groupId, w.member, `Аталышта ${word}`, 'Текст');
		const first = await search(w.leader, word);
		expect(first.results[0]!.id).toBe(titled);
		expect(first).toMatchObject({ total: 23, pageCount: 2, page: 1 });
		const second = await search(w.leader, word, { page: 2 });
		expect(second.results).toHaveLength(3);
		const past = await search(w.leader, word, { page: 9 });
		expect(past).toMatchObject({ page: 2, clamped: true });
	});
});

describe('searchWorkspace: nothing outside one’s reach', () => {
	it('never finds nor shows what the pages would not show', async () => {
		// A second group of the same school, led by a teacher the member does not know.
		const leaderB = actorOf(
			await makeUser(t.db, { schoolId: w.schoolId, role: 'teacher', fullName: 'Азамат Бекмуратов' })
		);
		const { groupId: groupB } = await createGroup(ctxOf(t.db, w.admin), {
			...charter,
			name: 'Экинчи топ',
			schoolId: w.schoolId,
			startedOn: '2026-09-01',
			leaderId: leaderB.id
		});
		// Another school's group, with a member whose surname is a planted word.
		const otherWord = secret();
		const otherLeader = actorOf(
			await makeUser(t.db, {
				schoolId: w.otherSchoolId,
				role: 'teacher',
				fullName: `Бакыт ${otherWord}`
			})
		);
		const { groupId: groupC } = await createGroup(ctxOf(t.db, w.otherAdmin), {
			...charter,
			name: 'Башка мектеп',
			schoolId: w.otherSchoolId,
			startedOn: '2026-09-01',
			leaderId: otherLeader.id
		});
		// A member of the group who then left.
		const leaver = actorOf(
			await makeUser(t.db, { schoolId: w.schoolId, role: 'teacher', fullName: 'Эрмек Кеткенов' })
		);
		await join(t.db, w.leader, w.groupId, leaver);
		await t.db
			.updateTable('groupMembers')
			.set({ leftAt: new Date() })
			.where('groupId', '=', w.groupId)
			.where('userId', '=', leaver.id)
			.execute();

		/** Plants a word in every kind of a group's work. */
		const plant = async (groupId: string, author: Actor, word: string) => {
			await material(t.db, groupId, author, { title: `Материал ${word}`, text: `Текст ${word}` });
			await proposal(t.db, groupId, author, `Сунуш ${word}`, `Текст ${word}`);
			await thread(t.db, groupId, author, `Талкуу ${word}`, `Пост ${word}`);
			await meeting(t.db, groupId, { place: `Жай ${word}`, notes: `Эскертүү ${word}` });
			await decision(t.db, groupId, `Суроо ${word}`, `Чечим ${word}`);
		};
		const wordA = secret();
		const wordB = secret();
		await plant(w.groupId, w.member, wordA);
		await plant(groupB, leaderB, wordB);
		await plant(groupC, otherLeader, otherWord);
		// A draft is its author's own, even within the group.
		const draftWord = secret();
		await material(t.db, w.groupId, w.leader, { title: `Долбоор ${draftWord}`, status: 'draft' });

		/** The word, and a misspelling of it (a "did you mean" must not reveal it either). */
		const never = async (actor: Actor, word: string) => {
			for (const q of [word, word.slice(0, -1) + 'q', `"${word}" OR ${word}*`]) {
				const page = await search(actor, q);
				expect(page.total, `${actor.fullName} / ${q}`).toBe(0);
				expect(shown(page)).not.toContain(word);
				for (const kind of ['material', 'proposal', 'discussion', 'meeting', 'decision', 'member'])
					expect(shown(await search(actor, q, { kind }))).not.toContain(word);
			}
		};
		const kindsFound = async (actor: Actor, word: string) =>
			[...new Set((await search(actor, word)).results.map((r) => r.kind))].sort();
		const all = ['decision', 'material', 'meeting', 'post', 'proposal', 'thread'];

		// Those within reach do find them (the test is not empty)…
		expect(await kindsFound(w.member, wordA)).toEqual(all);
		expect(await kindsFound(w.scientist, wordA)).toEqual(all);
		expect(await kindsFound(w.admin, wordB)).toEqual(all);
		expect(await kindsFound(w.leader, draftWord)).toEqual(['material']);
		expect(await kindsFound(otherLeader, otherWord)).toEqual([...all, 'member'].sort());

		// …and nobody else: another group of the school, another school, staff outside the
		// group, a member who left, an external member, others' drafts.
		await never(w.member, wordB);
		await never(w.member, otherWord);
		await never(w.member, draftWord);
		await never(w.admin, draftWord);
		await never(w.admin, otherWord);
		await never(w.staff, wordA);
		await never(w.staff, wordB);
		await never(leaver, wordA);
		await never(w.scientist, wordB);
		await never(w.scientist, otherWord);
		await never(w.scientist, draftWord);
		await never(w.otherAdmin, wordA);
		await never(w.otherTeacher, wordA);
		await never(leaderB, wordA);

		// Members' names: the staff of the school see who is in its groups (the group page
		// does); a scientist sees only their own group's people.
		expect((await search(w.staff, 'Үсөнов')).results.map((r) => r.kind)).toEqual(['member']);
		expect((await search(w.scientist, 'Бекмуратов')).total).toBe(0);
		expect(shown(await search(w.scientist, 'Бекмуратов'))).not.toContain('бекмуратов');
		// The member who left no longer appears among the members.
		expect((await search(w.leader, 'Кеткенов')).total).toBe(0);
	});

	it('follows a material out of reach the moment its status or authors change', async () => {
		const word = secret();
		const id = await material(t.db, w.groupId, w.member, { title: `Материал ${word}` });
		expect((await search(w.leader, word)).total).toBe(1);
		// Back to a draft (as the data may be): the leader no longer sees it.
		await t.db
			.updateTable('materials')
			.set({ status: 'draft', updatedAt: at(5) })
			.where('id', '=', id)
			.execute();
		expect(shown(await search(w.leader, word))).not.toContain(word);
		expect((await search(w.member, word)).total).toBe(1);
	});
});

describe('searchWorkspace: bad input', () => {
	it('answers a 10 KB query and operator soup quickly, without an error', async () => {
		await material(t.db, w.groupId, w.member, { title: 'Сабак жана оюн' });
		const huge = 'сабак '.repeat(2000);
		expect(huge.length).toBeGreaterThan(10_000);
		let started = performance.now();
		const long = await search(w.leader, huge);
		expect(performance.now() - started).toBeLessThan(2000);
		expect(long.truncated).toBe(true);
		expect(long.q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
		expect(long.results.map((r) => r.title)).toContain('Сабак жана оюн');

		const soup = `" * : ( ) OR AND NEAR - ^ `.repeat(400);
		started = performance.now();
		const operators = await search(w.leader, soup);
		expect(performance.now() - started).toBeLessThan(2000);
		expect(operators).toMatchObject({ searching: false, total: 0, results: [] });

		const mixed = await search(w.leader, '"сабак" OR (оюн*) NEAR/3 -сабак ^оюн : \' ; -- \\ {} []');
		expect(mixed.results.map((r) => r.title)).toContain('Сабак жана оюн');

		const manyWords = Array.from({ length: 40 }, (_, i) => `сөз${i}`).join(' ');
		expect((await search(w.leader, manyWords)).truncated).toBe(true);
		expect((await search(w.leader, 'сабак', { kind: 'nonsense', page: -3 })).kindIgnored).toBe(
			true
		);
	});
});

describe('searchWorkspace: freshness', () => {
	it('follows an edit made by a use case, a deletion and a new row', async () => {
		const before = secret();
		const after = secret();
		const { threadId, postId } = await thread(
			t.db,
			w.groupId,
			w.member,
			'Талкуу',
			`Биринчи ${before}`
		);
		expect((await search(w.leader, before)).total).toBe(1);
		await editPost(ctxOf(t.db, w.member, at(1000)), {
			groupId: asId<GroupId>(w.groupId),
			threadId: asId<ThreadId>(threadId),
			postId: asId<PostId>(postId),
			body: `Оңдолгон ${after}`
		});
		expect((await search(w.leader, before)).total).toBe(0);
		expect((await search(w.leader, after)).results.map((r) => r.id)).toEqual([postId]);

		await t.db.deleteFrom('discussionPosts').where('id', '=', postId).execute();
		expect((await search(w.leader, after)).total).toBe(0);
		const left = await t.db
			.selectFrom('workspaceEntries')
			.select('seq')
			.where('sourceId', '=', postId)
			.execute();
		expect(left).toEqual([]);

		const fresh = secret();
		await proposal(t.db, w.groupId, w.member, `Жаңы ${fresh}`, '');
		expect((await search(w.leader, fresh)).total).toBe(1);
	});

	it('the periodic sweep indexes every group, and a second sweep has nothing to do', async () => {
		const word = secret();
		await proposal(t.db, w.groupId, w.member, `Сунуш ${word}`, '');
		// The job hooks.server.ts registers, run as the in-process loop runs it.
		await enqueueDueSweeps(t.db, new Date());
		expect(await runJobsUntilIdle(t.db, fileStore())).toBeGreaterThan(0);
		const job = await t.db
			.selectFrom('jobs')
			.select(['status', 'error'])
			.where('kind', '=', WORKSPACE_SWEEP)
			.executeTakeFirstOrThrow();
		expect(job).toMatchObject({ status: 'done', error: null });
		const row = await t.db
			.selectFrom('workspaceEntries')
			.select('title')
			.where('groupId', '=', w.groupId)
			.where('kind', '=', 'proposal')
			.where('title', 'like', `%${word}%`)
			.executeTakeFirst();
		expect(row?.title).toBe(`Сунуш ${word}`);
		const again = await syncWorkspace(t.db, await allGroupIds(t.db));
		expect(again).toEqual({ indexed: 0, removed: 0 });
	});
});
