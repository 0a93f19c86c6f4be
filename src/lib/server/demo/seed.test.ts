import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { materialStatuses, proposalKinds } from '../db/types';
import { useTestDatabase } from '../test/vitest';
import { tempStore } from '../test/materials';
import { testSeal } from '../test/votes';
import { anonymousCtxOf } from '../test/context';
import { signIn } from '../domain/accounts/sign-in';
import { toWallClock } from '../zoned';
import { demoPassword, seedDemo } from './seed';

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('demo seed', () => {
	it('makes a Kyrgyz school whose every printed account can sign in', async () => {
		const accounts = await seedDemo(t.db, store, testSeal());
		const roles = accounts.map((a) => a.role);
		expect(roles.filter((r) => r === 'admin')).toHaveLength(2);
		expect(roles.filter((r) => r === 'teacher')).toHaveLength(12);
		expect(roles.filter((r) => r === 'scientist')).toHaveLength(1);
		expect(accounts.some((a) => /[ңөү]/i.test(a.fullName))).toBe(true);
		for (const account of accounts.slice(0, 3))
			await expect(
				signIn(anonymousCtxOf(t.db), {
					email: account.email,
					password: demoPassword,
					ip: '10.0.0.1'
				})
			).resolves.toBeTruthy();
		const subjects = await t.db.selectFrom('userSubjects').select('userId').execute();
		expect(subjects.length).toBeGreaterThanOrEqual(15);
		const inactive = await t.db
			.selectFrom('users')
			.select('id')
			.where('isActive', '=', false)
			.execute();
		expect(inactive).toHaveLength(1);
	});

	it('gives the school two active groups and a closed one, with history, plans and minutes', async () => {
		const groups = await t.db.selectFrom('groups').select(['id', 'name', 'closedAt']).execute();
		expect(groups.filter((g) => g.closedAt === null)).toHaveLength(2);
		expect(groups.filter((g) => g.closedAt !== null)).toHaveLength(1);
		const events = await t.db
			.selectFrom('groupEvents')
			.select(['kind', 'previousUserId'])
			.execute();
		expect(events.some((e) => e.kind === 'leader_changed' && e.previousUserId)).toBe(true);
		expect(events.filter((e) => e.kind === 'left')).toHaveLength(1);
		const pending = await t.db
			.selectFrom('membershipRequests')
			.select('kind')
			.where('status', '=', 'pending')
			.execute();
		expect(pending.map((p) => p.kind).sort()).toEqual(['invitation', 'request']);
		const meetings = await t.db.selectFrom('meetings').select('id').execute();
		expect(meetings).toHaveLength(2);
		const decided = await t.db
			.selectFrom('meetingAgendaItems')
			.select('decided')
			.where('decided', '!=', '')
			.execute();
		expect(decided.length).toBeGreaterThanOrEqual(3);
		const plan = await t.db.selectFrom('planItems').select(['dueOn', 'status']).execute();
		const today = new Date().toISOString().slice(0, 10);
		expect(plan.some((i) => i.status === 'planned' && i.dueOn < today)).toBe(true);
		expect(plan.some((i) => i.status === 'planned' && i.dueOn > today)).toBe(true);
	});

	it('gives the active groups materials in every status, with files, versions, reviews and threads', async () => {
		const materials = await t.db
			.selectFrom('materials')
			.select(['id', 'groupId', 'language', 'status', 'versionNumber'])
			.execute();
		expect(materials.length).toBeGreaterThanOrEqual(20);
		expect(new Set(materials.map((m) => m.groupId)).size).toBe(2);
		expect(new Set(materials.map((m) => m.language))).toEqual(new Set(['ky', 'ru']));
		expect(new Set(materials.map((m) => m.status))).toEqual(new Set(materialStatuses));
		expect(Math.max(...materials.map((m) => m.versionNumber))).toBeGreaterThanOrEqual(2);

		const attachments = await t.db
			.selectFrom('materialAttachments')
			.select(['blobKey', 'size', 'kind', 'hasThumbnail'])
			.where('removedAt', 'is', null)
			.execute();
		expect(attachments.length).toBeGreaterThanOrEqual(5);
		expect(new Set(attachments.map((a) => a.kind))).toEqual(new Set(['docx', 'pdf', 'png']));
		for (const a of attachments) expect(await store.size(a.blobKey)).toBe(Number(a.size));
		expect(attachments.some((a) => a.hasThumbnail)).toBe(true);

		// One material was reviewed on more than one of its versions, the scientist among others.
		const reviews = await t.db
			.selectFrom('reviews')
			.innerJoin('users', 'users.id', 'reviews.reviewerId')
			.select(['reviews.materialId', 'reviews.versionNumber', 'users.role'])
			.execute();
		const versions = new Map<string, Set<number>>();
		for (const r of reviews)
			versions.set(r.materialId, (versions.get(r.materialId) ?? new Set()).add(r.versionNumber));
		expect([...versions.values()].some((v) => v.size >= 2)).toBe(true);
		expect(reviews.some((r) => r.role === 'scientist')).toBe(true);
		const scores = await t.db.selectFrom('reviewScores').select('score').execute();
		expect(new Set(scores.map((s) => s.score)).size).toBeGreaterThanOrEqual(3);

		const replies = await t.db
			.selectFrom('materialComments')
			.select('id')
			.where('parentId', 'is not', null)
			.execute();
		expect(replies.length).toBeGreaterThanOrEqual(1);
		const reasons = await t.db
			.selectFrom('materialEvents')
			.select(['toStatus', 'reason'])
			.where('kind', '=', 'status')
			.execute();
		for (const to of ['revision_requested', 'accepted', 'archived'] as const)
			expect(reasons.some((e) => e.toStatus === to && (e.reason ?? '').length >= 3)).toBe(true);
	});

	it('gives the active groups proposals in every status, discussions, votes and decisions', async () => {
		const proposals = await t.db
			.selectFrom('proposals')
			.select(['id', 'groupId', 'kind', 'status', 'analysis'])
			.execute();
		const byStatus: Record<string, number> = {};
		for (const p of proposals) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
		expect(byStatus).toEqual({
			submitted: 1,
			analyzed: 1,
			discussion: 2,
			vote: 1,
			accepted: 1,
			rejected: 1,
			withdrawn: 1,
			returned: 1
		});
		expect(new Set(proposals.map((p) => p.kind))).toEqual(new Set(proposalKinds));
		expect(new Set(proposals.map((p) => p.groupId)).size).toBe(2);
		expect(proposals.find((p) => p.status === 'analyzed')!.analysis.length).toBeGreaterThan(50);
		const returned = await t.db
			.selectFrom('proposalEvents')
			.select('reason')
			.where('toStatus', '=', 'returned')
			.executeTakeFirstOrThrow();
		expect((returned.reason ?? '').length).toBeGreaterThan(10);

		// One vote is open, on the proposal in vote, well past the day the demo is seeded.
		const votes = await t.db.selectFrom('votes').selectAll().execute();
		const open = votes.filter((v) => v.status === 'open');
		expect(open).toHaveLength(1);
		const [vote] = open;
		expect(vote!.kind).toBe('yes_no');
		expect(vote!.isTallyLive).toBe(true);
		expect(vote!.closesAt!.getTime()).toBeGreaterThan(Date.now() + 10 * 24 * 3600_000);
		expect(proposals.find((p) => p.id === vote!.proposalId)!.status).toBe('vote');
		const openBallots = await t.db
			.selectFrom('ballots')
			.select('voterId')
			.where('voteId', '=', vote!.id)
			.execute();
		const roll = await t.db
			.selectFrom('voteRoll')
			.select('userId')
			.where('voteId', '=', vote!.id)
			.execute();
		expect(openBallots.length).toBeGreaterThan(0);
		expect(openBallots.length).toBeLessThan(roll.length);

		// Closed votes of every kind, each with its decision; those of the literacy group are
		// in the minutes of the meeting where they were announced.
		const decisions = await t.db
			.selectFrom('decisions as d')
			.innerJoin('votes as v', 'v.id', 'd.voteId')
			.leftJoin('meetings as m', 'm.id', 'd.meetingId')
			.select([
				'd.groupId',
				'd.outcome',
				'd.text',
				'd.decidedAt',
				'd.isQuorumMet',
				'd.proposalId',
				'd.participantCount',
				'd.tally',
				'v.kind',
				'v.isSecret',
				'v.maxChoices',
				'm.groupId as meetingGroupId',
				'm.heldOn'
			])
			.execute();
		expect(decisions).toHaveLength(votes.length - 1);
		expect(new Set(decisions.map((d) => d.outcome))).toEqual(
			new Set(['accepted', 'rejected', 'chosen', 'no_quorum'])
		);
		for (const d of decisions) expect(d.text.length).toBeGreaterThan(20);
		const linked = decisions.filter((d) => d.heldOn !== null);
		expect(linked.length).toBeGreaterThanOrEqual(4);
		for (const d of linked) {
			expect(d.meetingGroupId).toBe(d.groupId);
			expect(toWallClock(d.decidedAt, 'Asia/Bishkek').slice(0, 10) <= d.heldOn!).toBe(true);
		}
		const accepted = decisions.find((d) => d.outcome === 'accepted')!;
		expect(accepted.isQuorumMet).toBe(true);
		const failed = decisions.find((d) => d.outcome === 'no_quorum')!;
		expect(proposals.find((p) => p.id === failed.proposalId)!.status).toBe('discussion');
		const multiple = decisions.find((d) => d.kind === 'multiple')!;
		expect(multiple.maxChoices).toBe(2);

		// The secret ballot: who took part is kept, what they chose is gone after the count.
		const secret = decisions.find((d) => d.isSecret)!;
		expect(secret.kind).toBe('single');
		const secretVote = votes.find((v) => v.isSecret)!;
		const secretBallots = await t.db
			.selectFrom('ballots')
			.select(['choices', 'sealed'])
			.where('voteId', '=', secretVote.id)
			.execute();
		expect(secretBallots).toHaveLength(secret.participantCount);
		for (const b of secretBallots) {
			expect(b.choices).toBeNull();
			expect(b.sealed).toBeNull();
		}
		const lines = JSON.parse(secret.tally) as { count: number }[];
		expect(lines.reduce((sum, l) => sum + l.count, 0)).toBe(secret.participantCount);

		// Discussions: a proposal's thread with replies, a quote, mentions and an edited post,
		// and free-standing threads.
		const posts = await t.db
			.selectFrom('discussionPosts as p')
			.innerJoin('discussionThreads as t', 't.id', 'p.threadId')
			.select(['p.threadId', 't.proposalId', 'p.parentId', 'p.quote', 'p.editedAt'])
			.execute();
		const perThread = new Map<string, number>();
		for (const p of posts) perThread.set(p.threadId, (perThread.get(p.threadId) ?? 0) + 1);
		const discussed = proposals.filter((p) => p.status === 'discussion').map((p) => p.id);
		const busiest = posts.filter((p) => p.proposalId && discussed.includes(p.proposalId));
		expect(Math.max(...busiest.map((p) => perThread.get(p.threadId)!))).toBeGreaterThanOrEqual(4);
		expect(posts.some((p) => p.parentId !== null && p.quote === null)).toBe(true);
		expect(posts.some((p) => (p.quote ?? '').length > 10)).toBe(true);
		expect(posts.some((p) => p.editedAt !== null)).toBe(true);
		const mentions = await t.db.selectFrom('postMentions').select('userId').execute();
		expect(mentions.length).toBeGreaterThanOrEqual(3);
		const free = await t.db
			.selectFrom('discussionThreads')
			.select('id')
			.where('proposalId', 'is', null)
			.execute();
		expect(free.length).toBeGreaterThanOrEqual(1);
		for (const thread of free) expect(perThread.get(thread.id)).toBeGreaterThanOrEqual(3);
	});

	it('compiles a Kyrgyz methodological collection of fifteen materials, approved by the group', async () => {
		const collections = await t.db
			.selectFrom('collections')
			.select(['id', 'title', 'language', 'year', 'preface', 'reviewers'])
			.orderBy('year')
			.execute();
		expect(collections).toHaveLength(2);
		const [collection] = collections;
		expect(collection!.language).toBe('ky');
		expect(collection!.year).toBe(2026);
		expect(collection!.title).toMatch(/[ңөү]/);
		expect(collection!.preface.split('\n').length).toBeGreaterThanOrEqual(2);
		expect(JSON.parse(collection!.reviewers)).toHaveLength(1);
		const editors = await t.db
			.selectFrom('collectionEditors')
			.select('userId')
			.where('collectionId', '=', collection!.id)
			.execute();
		expect(editors).toHaveLength(1);

		const items = await t.db
			.selectFrom('collectionItems as i')
			.innerJoin('materials as m', 'm.id', 'i.materialId')
			.select(['m.status', 'm.type', 'm.language', 'm.authorId', 'i.note'])
			.where('i.collectionId', '=', collection!.id)
			.execute();
		expect(items.length).toBeGreaterThanOrEqual(14);
		for (const item of items) expect(item.status).toBe('accepted');
		expect(new Set(items.map((i) => i.type)).size).toBeGreaterThanOrEqual(6);
		expect(new Set(items.map((i) => i.authorId)).size).toBeGreaterThanOrEqual(4);
		expect(items.filter((i) => i.language === 'ru')).toHaveLength(2);
		expect(items.filter((i) => i.note !== '').length).toBeGreaterThanOrEqual(2);
		const sections = await t.db
			.selectFrom('collectionSections')
			.select('intro')
			.where('collectionId', '=', collection!.id)
			.execute();
		expect(sections.length).toBeGreaterThanOrEqual(3);
		for (const s of sections) expect(s.intro.length).toBeGreaterThan(20);

		const editions = await t.db
			.selectFrom('collectionEditions')
			.selectAll()
			.where('collectionId', '=', collection!.id)
			.execute();
		expect(editions).toHaveLength(1);
		const [edition] = editions;
		expect(edition!.number).toBe(1);
		expect(edition!.status).toBe('done');
		expect(edition!.itemCount).toBe(items.length);
		expect(edition!.pdfPages).toBeGreaterThan(1);
		for (const key of [edition!.docxKey, edition!.pdfKey]) {
			expect(key).toBeTruthy();
			expect(await store.size(key!)).toBeGreaterThan(0);
		}
		expect(edition!.approvedAt).not.toBeNull();

		const decision = await t.db
			.selectFrom('votes as v')
			.innerJoin('decisions as d', 'd.voteId', 'v.id')
			.select(['v.kind', 'v.status', 'd.outcome', 'd.decidedAt'])
			.where('v.collectionEditionId', '=', edition!.id)
			.executeTakeFirstOrThrow();
		expect(decision).toMatchObject({ kind: 'yes_no', status: 'closed', outcome: 'accepted' });
		expect(decision.decidedAt.getTime()).toBeLessThanOrEqual(edition!.approvedAt!.getTime());

		// Next year's collection is being put together: no edition yet.
		const next = await t.db
			.selectFrom('collectionEditions')
			.select('id')
			.where('collectionId', '=', collections[1]!.id)
			.execute();
		expect(next).toHaveLength(0);
	});
});
