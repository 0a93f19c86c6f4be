import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materialStatuses, proposalKinds, proposalStatuses } from '../db/types';
import { anonymousCtxOf } from '../test/context';
import { useTestDatabase } from '../test/vitest';
import { tempStore } from '../test/materials';
import { testSeal } from '../test/votes';
import { signIn } from '../domain/accounts/sign-in';
import { parseSnapshot } from '../domain/publications/snapshot';
import { searchCatalog } from '../search';
import { toWallClock } from '../zoned';
import { demoPassword, seedDemo, type DemoAccount } from './seed';

// The demo is a fixture people click through: these tests check what makes it a coherent and
// complete picture of the product (every group led, every decision recorded, every status and
// kind shown, dates around today, the app's three languages), not how many of each it has.

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The app's languages (the interface, materials and collections). */
const languages = ['ky', 'ru', 'en'];
const kyrgyzLetters = /[ңөү]/i;
const dayMs = 24 * 3600_000;
/** Today in the demo school's time zone, 'YYYY-MM-DD'. */
const today = () => toWallClock(new Date(), 'Asia/Bishkek').slice(0, 10);
/** A moment the demo may not have reached yet: now, with a minute's slack. */
const soon = () => Date.now() + 60_000;

let accounts: DemoAccount[] = [];

// One seed for the file (~15 s); every test only reads what it made, so each runs alone too.
beforeAll(async () => {
	accounts = await seedDemo(t.db, store, testSeal());
});

describe('demo seed', () => {
	it('makes a Kyrgyz school whose every printed account can sign in', async () => {
		expect(accounts.length).toBeGreaterThan(0);
		const roles = new Set(accounts.map((a) => a.role));
		for (const role of ['admin', 'teacher', 'scientist']) expect(roles).toContain(role);
		expect(new Set(accounts.map((a) => a.email.toLowerCase())).size).toBe(accounts.length);
		expect(accounts.some((a) => kyrgyzLetters.test(a.fullName))).toBe(true);
		for (const [i, account] of accounts.entries())
			await expect(
				signIn(anonymousCtxOf(t.db), {
					email: account.email,
					password: demoPassword,
					ip: `10.0.${i}.1`
				}),
				account.email
			).resolves.toBeTruthy();

		// Each printed person has a profile: active, in one of the app's languages, with subjects
		// named in all three.
		const users = await t.db
			.selectFrom('users')
			.select(['id', 'email', 'isActive', 'locale'])
			.execute();
		const printed = new Set(accounts.map((a) => a.email.toLowerCase()));
		const people = users.filter((u) => printed.has(u.email));
		expect(people).toHaveLength(accounts.length);
		const subjects = await t.db
			.selectFrom('userSubjects')
			.innerJoin('subjects', 'subjects.id', 'userSubjects.subjectId')
			.select(['userSubjects.userId', 'subjects.nameKy', 'subjects.nameRu', 'subjects.nameEn'])
			.execute();
		for (const person of people) {
			expect(person.isActive, person.email).toBe(true);
			expect(languages, person.email).toContain(person.locale);
			expect(
				subjects.some((s) => s.userId === person.id),
				person.email
			).toBe(true);
		}
		for (const s of subjects)
			for (const name of [s.nameKy, s.nameRu, s.nameEn]) expect(name).toBeTruthy();

		// Someone left the school: deactivated, not deleted, and not printed as an account.
		const inactive = users.filter((u) => !u.isActive);
		expect(inactive.length).toBeGreaterThan(0);
		for (const u of inactive) expect(printed.has(u.email)).toBe(false);
	});

	it('gives every group a leader, a history, plans around today and minutes', async () => {
		const groups = await t.db.selectFrom('groups').select(['id', 'name', 'closedAt']).execute();
		expect(groups.some((g) => g.closedAt === null)).toBe(true);
		expect(groups.some((g) => g.closedAt !== null)).toBe(true);
		const members = await t.db
			.selectFrom('groupMembers')
			.select(['groupId', 'userId', 'role', 'leftAt'])
			.execute();
		for (const group of groups) {
			const current = members.filter((m) => m.groupId === group.id && m.leftAt === null);
			expect(
				current.filter((m) => m.role === 'leader'),
				group.name
			).toHaveLength(1);
			if (group.closedAt === null) expect(current.length, group.name).toBeGreaterThan(1);
		}

		const events = await t.db
			.selectFrom('groupEvents')
			.select(['kind', 'previousUserId'])
			.execute();
		expect(events.some((e) => e.kind === 'leader_changed' && e.previousUserId)).toBe(true);
		expect(events.some((e) => e.kind === 'left')).toBe(true);
		expect(members.some((m) => m.leftAt !== null)).toBe(true);
		const pending = await t.db
			.selectFrom('membershipRequests')
			.select('kind')
			.where('status', '=', 'pending')
			.execute();
		expect(new Set(pending.map((p) => p.kind))).toEqual(new Set(['invitation', 'request']));

		// Minutes: of the group's own meetings, numbered 1, 2… in each group, held by today,
		// with decisions taken.
		const meetings = await t.db
			.selectFrom('meetings')
			.select(['id', 'groupId', 'number', 'heldOn'])
			.execute();
		expect(meetings.length).toBeGreaterThan(0);
		for (const group of groups) {
			const numbers = meetings
				.filter((m) => m.groupId === group.id)
				.map((m) => m.number)
				.sort((a, b) => a - b);
			expect(numbers, group.name).toEqual(numbers.map((_, i) => i + 1));
		}
		for (const m of meetings) expect(m.heldOn <= today()).toBe(true);
		const decided = await t.db
			.selectFrom('meetingAgendaItems')
			.select('decided')
			.where('decided', '!=', '')
			.execute();
		expect(decided.length).toBeGreaterThan(0);

		// The plan: something overdue and something still to come, counted from today.
		const plan = await t.db.selectFrom('planItems').select(['dueOn', 'status']).execute();
		expect(plan.some((i) => i.status === 'planned' && i.dueOn < today())).toBe(true);
		expect(plan.some((i) => i.status === 'planned' && i.dueOn > today())).toBe(true);
	});

	it('gives the active groups materials in every status, each decision recorded, with files, versions, reviews and threads', async () => {
		const groups = await t.db.selectFrom('groups').select(['id', 'closedAt']).execute();
		const materials = await t.db
			.selectFrom('materials')
			.select(['id', 'groupId', 'language', 'status', 'versionNumber', 'createdAt'])
			.execute();
		expect(materials.length).toBeGreaterThan(0);
		for (const g of groups.filter((g) => g.closedAt === null))
			expect(materials.some((m) => m.groupId === g.id)).toBe(true);
		expect(new Set(materials.map((m) => m.status))).toEqual(new Set(materialStatuses));
		const used = new Set(materials.map((m) => m.language));
		expect(used.has('ky')).toBe(true);
		expect(used.size).toBeGreaterThan(1);
		for (const language of used) expect(languages).toContain(language);
		for (const m of materials) expect(m.createdAt.getTime()).toBeLessThanOrEqual(soon());

		// Versions: a draft has none, the others 1…n, as many as the material says.
		const versions = await t.db
			.selectFrom('materialVersions')
			.select(['materialId', 'number'])
			.execute();
		for (const m of materials) {
			const numbers = versions
				.filter((v) => v.materialId === m.id)
				.map((v) => v.number)
				.sort((a, b) => a - b);
			expect(numbers, m.id).toEqual(numbers.map((_, i) => i + 1));
			if (m.status !== 'draft') expect(numbers.at(-1), m.id).toBe(m.versionNumber);
		}
		expect(materials.some((m) => m.versionNumber >= 2)).toBe(true);

		// Every material past "offered" got there by a decision, recorded on its history; asking
		// for a revision, accepting and archiving give their reason.
		const decisions = await t.db
			.selectFrom('materialEvents')
			.select(['materialId', 'toStatus', 'reason'])
			.where('kind', '=', 'status')
			.execute();
		const decided = materials.filter((m) => m.status !== 'draft' && m.status !== 'offered');
		expect(decided.length).toBeGreaterThan(0);
		for (const m of decided)
			expect(
				decisions.some((e) => e.materialId === m.id && e.toStatus === m.status),
				`${m.id} (${m.status})`
			).toBe(true);
		for (const e of decisions)
			if (['revision_requested', 'accepted', 'archived'].includes(e.toStatus ?? ''))
				expect((e.reason ?? '').length, `${e.materialId} → ${e.toStatus}`).toBeGreaterThanOrEqual(
					3
				);

		// Files: each kind the app previews, each stored with the size the list shows.
		const attachments = await t.db
			.selectFrom('materialAttachments')
			.select(['blobKey', 'size', 'kind', 'hasThumbnail'])
			.where('removedAt', 'is', null)
			.execute();
		expect(attachments.length).toBeGreaterThan(0);
		for (const kind of ['docx', 'pdf', 'png'])
			expect(attachments.map((a) => a.kind)).toContain(kind);
		for (const a of attachments) expect(await store.size(a.blobKey)).toBe(Number(a.size));
		expect(attachments.some((a) => a.hasThumbnail)).toBe(true);

		// Reviews: of versions the material has; one material reviewed on more than one of its
		// versions, the scientist among the reviewers, scores on the 1–5 scale and varied.
		const reviews = await t.db
			.selectFrom('reviews')
			.innerJoin('users', 'users.id', 'reviews.reviewerId')
			.select(['reviews.materialId', 'reviews.versionNumber', 'users.role'])
			.execute();
		expect(reviews.length).toBeGreaterThan(0);
		const reviewed = new Map<string, Set<number>>();
		for (const r of reviews) {
			const material = materials.find((m) => m.id === r.materialId)!;
			expect(r.versionNumber).toBeGreaterThanOrEqual(1);
			expect(r.versionNumber).toBeLessThanOrEqual(material.versionNumber);
			reviewed.set(r.materialId, (reviewed.get(r.materialId) ?? new Set()).add(r.versionNumber));
		}
		expect([...reviewed.values()].some((v) => v.size >= 2)).toBe(true);
		expect(reviews.some((r) => r.role === 'scientist')).toBe(true);
		const scores = await t.db.selectFrom('reviewScores').select('score').execute();
		expect(scores.length).toBeGreaterThan(0);
		for (const { score } of scores) expect(score >= 1 && score <= 5).toBe(true);
		expect(new Set(scores.map((s) => s.score)).size).toBeGreaterThan(1);

		const replies = await t.db
			.selectFrom('materialComments')
			.select('id')
			.where('parentId', 'is not', null)
			.execute();
		expect(replies.length).toBeGreaterThan(0);
	});

	it('gives the active groups proposals in every status, discussions, votes and decisions', async () => {
		const proposals = await t.db
			.selectFrom('proposals')
			.select(['id', 'groupId', 'kind', 'status', 'analysis'])
			.execute();
		expect(new Set(proposals.map((p) => p.status))).toEqual(new Set(proposalStatuses));
		expect(new Set(proposals.map((p) => p.kind))).toEqual(new Set(proposalKinds));
		const active = await t.db
			.selectFrom('groups')
			.select('id')
			.where('closedAt', 'is', null)
			.execute();
		for (const g of active) expect(proposals.some((p) => p.groupId === g.id)).toBe(true);
		// The leader's analysis comes before discussion and vote.
		for (const p of proposals)
			if (['analyzed', 'discussion', 'vote', 'accepted', 'rejected'].includes(p.status))
				expect(p.analysis.length, `${p.id} (${p.status})`).toBeGreaterThan(0);
		const returned = await t.db
			.selectFrom('proposalEvents')
			.select('reason')
			.where('toStatus', '=', 'returned')
			.execute();
		expect(returned.length).toBeGreaterThan(0);
		for (const r of returned) expect((r.reason ?? '').length).toBeGreaterThan(10);

		// Open votes close well after today; a proposal is in the vote exactly while its vote is
		// open; the open vote has some ballots but not the whole roll yet.
		const votes = await t.db.selectFrom('votes').selectAll().execute();
		const open = votes.filter((v) => v.status === 'open');
		expect(open.length).toBeGreaterThan(0);
		for (const vote of open) {
			expect(vote.closesAt!.getTime()).toBeGreaterThan(Date.now() + 7 * dayMs);
			if (vote.proposalId)
				expect(proposals.find((p) => p.id === vote.proposalId)!.status).toBe('vote');
		}
		for (const p of proposals.filter((p) => p.status === 'vote'))
			expect(open.some((v) => v.proposalId === p.id)).toBe(true);
		const ballots = await t.db.selectFrom('ballots').select(['voteId', 'voterId']).execute();
		const roll = await t.db.selectFrom('voteRoll').select(['voteId', 'userId']).execute();
		expect(
			open.some((v) => {
				const cast = ballots.filter((b) => b.voteId === v.id).length;
				return cast > 0 && cast < roll.filter((r) => r.voteId === v.id).length;
			})
		).toBe(true);
		for (const b of ballots)
			expect(roll.some((r) => r.voteId === b.voteId && r.userId === b.voterId)).toBe(true);

		// Every closed vote has its decision, and only they: every outcome is shown; those
		// announced at a meeting are in that group's minutes, decided by the meeting's day.
		const decisions = await t.db
			.selectFrom('decisions as d')
			.innerJoin('votes as v', 'v.id', 'd.voteId')
			.leftJoin('meetings as m', 'm.id', 'd.meetingId')
			.select([
				'd.voteId',
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
		const closed = votes.filter((v) => v.status === 'closed');
		expect(closed.length).toBeGreaterThan(0);
		expect(decisions.map((d) => d.voteId).sort()).toEqual(closed.map((v) => v.id).sort());
		expect(new Set(decisions.map((d) => d.outcome))).toEqual(
			new Set(['accepted', 'rejected', 'chosen', 'no_quorum'])
		);
		for (const d of decisions) {
			expect(d.text.length).toBeGreaterThan(20);
			expect(d.decidedAt.getTime()).toBeLessThanOrEqual(soon());
			const lines = JSON.parse(d.tally) as { count: number }[];
			expect(lines.reduce((sum, l) => sum + l.count, 0)).toBeLessThanOrEqual(
				d.participantCount * d.maxChoices
			);
			if (d.outcome === 'accepted') expect(d.isQuorumMet).toBe(true);
			if (d.outcome === 'no_quorum') {
				expect(d.isQuorumMet).toBe(false);
				if (d.proposalId)
					expect(proposals.find((p) => p.id === d.proposalId)!.status).toBe('discussion');
			}
			if (d.kind === 'multiple') expect(d.maxChoices).toBeGreaterThan(1);
		}
		const linked = decisions.filter((d) => d.heldOn !== null);
		expect(linked.length).toBeGreaterThan(0);
		for (const d of linked) {
			expect(d.meetingGroupId).toBe(d.groupId);
			expect(toWallClock(d.decidedAt, 'Asia/Bishkek').slice(0, 10) <= d.heldOn!).toBe(true);
		}
		expect(decisions.some((d) => d.kind === 'multiple')).toBe(true);

		// A secret ballot: who took part is kept, what they chose is gone after the count.
		const secret = decisions.filter((d) => d.isSecret);
		expect(secret.length).toBeGreaterThan(0);
		for (const s of secret) {
			const sealed = await t.db
				.selectFrom('ballots')
				.select(['choices', 'sealed'])
				.where('voteId', '=', s.voteId)
				.execute();
			expect(sealed).toHaveLength(s.participantCount);
			for (const b of sealed) {
				expect(b.choices).toBeNull();
				expect(b.sealed).toBeNull();
			}
			const lines = JSON.parse(s.tally) as { count: number }[];
			expect(lines.reduce((sum, l) => sum + l.count, 0)).toBe(s.participantCount);
		}

		// Discussions: no empty thread; a proposal under discussion talked over (replies, a
		// quote, an edited post); mentions name people whose names the post carries; and
		// free-standing threads.
		const threads = await t.db
			.selectFrom('discussionThreads')
			.select(['id', 'proposalId'])
			.execute();
		const posts = await t.db
			.selectFrom('discussionPosts')
			.select(['id', 'threadId', 'parentId', 'quote', 'editedAt', 'body'])
			.execute();
		expect(threads.length).toBeGreaterThan(0);
		// A free-standing thread starts with its first post; a proposal's may still be empty.
		const free = threads.filter((th) => th.proposalId === null);
		expect(free.length).toBeGreaterThan(0);
		for (const thread of free) expect(posts.some((p) => p.threadId === thread.id)).toBe(true);
		const discussed = new Set(proposals.filter((p) => p.status === 'discussion').map((p) => p.id));
		const talkedOver = threads.filter((th) => th.proposalId && discussed.has(th.proposalId));
		expect(talkedOver.some((th) => posts.filter((p) => p.threadId === th.id).length >= 2)).toBe(
			true
		);
		expect(posts.some((p) => p.parentId !== null && p.quote === null)).toBe(true);
		expect(posts.some((p) => (p.quote ?? '').length > 10)).toBe(true);
		expect(posts.some((p) => p.editedAt !== null)).toBe(true);
		const mentions = await t.db
			.selectFrom('postMentions')
			.innerJoin('users', 'users.id', 'postMentions.userId')
			.select(['postMentions.postId', 'users.fullName'])
			.execute();
		expect(mentions.length).toBeGreaterThan(0);
		// A mention is "@" and the full name, or its first word where only one member has it.
		for (const mention of mentions)
			expect(posts.find((p) => p.id === mention.postId)!.body).toContain(
				`@${mention.fullName.split(' ')[0]}`
			);
	});

	it('compiles a Kyrgyz methodological collection of accepted materials, approved by the group', async () => {
		const collections = await t.db
			.selectFrom('collections')
			.select(['id', 'groupId', 'title', 'language', 'year', 'preface', 'reviewers'])
			.execute();
		expect(collections.length).toBeGreaterThan(0);
		const editions = await t.db.selectFrom('collectionEditions').selectAll().execute();
		const items = await t.db
			.selectFrom('collectionItems as i')
			.innerJoin('materials as m', 'm.id', 'i.materialId')
			.select([
				'i.collectionId',
				'i.sectionId',
				'm.groupId',
				'm.status',
				'm.type',
				'm.language',
				'm.authorId',
				'i.note'
			])
			.execute();
		const sections = await t.db
			.selectFrom('collectionSections')
			.select(['id', 'collectionId', 'intro'])
			.execute();
		const thisYear = Number(today().slice(0, 4));

		// Every collection holds accepted materials of its own group, in its own sections;
		// editions are numbered 1, 2…
		for (const c of collections) {
			expect(languages).toContain(c.language);
			for (const item of items.filter((i) => i.collectionId === c.id)) {
				expect(item.groupId).toBe(c.groupId);
				expect(item.status).toBe('accepted');
				expect(sections.some((s) => s.id === item.sectionId && s.collectionId === c.id)).toBe(true);
			}
			const numbers = editions
				.filter((e) => e.collectionId === c.id)
				.map((e) => e.number)
				.sort((a, b) => a - b);
			expect(numbers).toEqual(numbers.map((_, i) => i + 1));
		}

		// The one that was compiled and approved: in Kyrgyz, of this school year, with a
		// preface, reviewers and an editor, sections that introduce themselves, and materials
		// of several kinds, authors and both teaching languages, some with editorial notes.
		const approved = editions.filter((e) => e.approvedAt !== null);
		expect(approved.length).toBeGreaterThan(0);
		const edition = approved[0]!;
		const collection = collections.find((c) => c.id === edition.collectionId)!;
		expect(collection.language).toBe('ky');
		expect(collection.title).toMatch(kyrgyzLetters);
		expect([thisYear - 1, thisYear]).toContain(collection.year);
		expect(collection.preface.split('\n').length).toBeGreaterThanOrEqual(2);
		expect((JSON.parse(collection.reviewers) as string[]).length).toBeGreaterThan(0);
		// Recommended for print by the methodological council, with its protocol; compilers
		// with their posts (issue 18: the title page's approval note and compilers).
		const titlePage = await t.db
			.selectFrom('collections')
			.select(['approvalBody', 'approvalProtocol', 'approvalDate', 'editorPosts', 'approvalNote'])
			.where('id', '=', collection.id)
			.executeTakeFirstOrThrow();
		expect(titlePage).toMatchObject({
			approvalBody: 'methodical_council',
			approvalProtocol: '2',
			approvalNote: ''
		});
		expect(titlePage.approvalDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(Object.keys(JSON.parse(titlePage.editorPosts) as object).length).toBe(2);
		const editors = await t.db
			.selectFrom('collectionEditors')
			.select('userId')
			.where('collectionId', '=', collection.id)
			.execute();
		expect(editors.length).toBeGreaterThan(0);
		const own = items.filter((i) => i.collectionId === collection.id);
		expect(own.length).toBeGreaterThan(1);
		expect(new Set(own.map((i) => i.type)).size).toBeGreaterThan(1);
		expect(new Set(own.map((i) => i.authorId)).size).toBeGreaterThan(1);
		expect(new Set(own.map((i) => i.language)).size).toBeGreaterThan(1);
		expect(own.some((i) => i.note !== '')).toBe(true);
		const ownSections = sections.filter((s) => s.collectionId === collection.id);
		expect(ownSections.length).toBeGreaterThan(1);
		for (const s of ownSections) expect(s.intro.length).toBeGreaterThan(20);

		// Compiled: done, of all its materials, both files stored, the PDF more than a page.
		expect(edition.status).toBe('done');
		expect(edition.itemCount).toBe(own.length);
		expect(edition.pdfPages).toBeGreaterThan(1);
		for (const key of [edition.docxKey, edition.pdfKey]) {
			expect(key).toBeTruthy();
			expect(await store.size(key!)).toBeGreaterThan(0);
		}
		// Approved after the group's yes/no vote on it was closed and accepted.
		const decision = await t.db
			.selectFrom('votes as v')
			.innerJoin('decisions as d', 'd.voteId', 'v.id')
			.select(['v.kind', 'v.status', 'd.outcome', 'd.decidedAt'])
			.where('v.collectionEditionId', '=', edition.id)
			.executeTakeFirstOrThrow();
		expect(decision).toMatchObject({ kind: 'yes_no', status: 'closed', outcome: 'accepted' });
		expect(decision.decidedAt.getTime()).toBeLessThanOrEqual(edition.approvedAt!.getTime());

		// Next year's collection is being put together: the year after, no edition yet.
		const next = collections.filter((c) => c.year === collection.year + 1);
		expect(next.length).toBeGreaterThan(0);
		for (const c of next) expect(editions.some((e) => e.collectionId === c.id)).toBe(false);
	});

	it('tries materials in class, observes some lessons, asks the members and prints the results', async () => {
		const approbations = await t.db
			.selectFrom('approbations as a')
			.innerJoin('groups as g', 'g.id', 'a.groupId')
			.select([
				'a.id',
				'a.groupId',
				'a.authorId',
				'a.materialId',
				'a.materialVersionId',
				'a.startsOn',
				'a.endsOn',
				'a.reportResponseId',
				'g.requiredObservations'
			])
			.execute();
		expect(approbations.length).toBeGreaterThanOrEqual(6);
		const classes = await t.db.selectFrom('approbationClasses').selectAll().execute();
		const observations = await t.db.selectFrom('observations').selectAll().execute();
		const authors = await t.db
			.selectFrom('materialAuthors')
			.select(['materialId', 'userId'])
			.execute();
		for (const a of approbations) {
			// Tried a material at an exact version, in a period that reads forwards, ending by today.
			expect(a.materialVersionId).toBeTruthy();
			expect(a.startsOn <= a.endsOn).toBe(true);
			expect(a.endsOn <= today()).toBe(true);
			expect(a.reportResponseId).toBeTruthy();
			const own = classes.filter((c) => c.approbationId === a.id);
			expect(own.length).toBeGreaterThan(0);
			for (const c of own) {
				const sums = [
					[c.beforeFives, c.beforeFours, c.beforeThrees, c.beforeTwos],
					[c.afterFives, c.afterFours, c.afterThrees, c.afterTwos]
				].map((counts) => counts.reduce<number>((sum, n) => sum + Number(n ?? 0), 0));
				for (const sum of sums) expect(sum).toBeLessThanOrEqual(Number(c.pupils));
			}
			// Nobody observes an approbation of their own or of their own material.
			const materialAuthors = authors
				.filter((m) => m.materialId === a.materialId)
				.map((m) => m.userId);
			for (const o of observations.filter((o) => o.approbationId === a.id)) {
				expect(o.observerId).not.toBe(a.authorId);
				expect(materialAuthors).not.toContain(o.observerId);
			}
		}
		// Some confirmed by observation, some only self-reported; both marks and custom indicators.
		const observed = (id: string) => observations.filter((o) => o.approbationId === id).length;
		const confirmed = approbations.filter((a) => observed(a.id) >= Number(a.requiredObservations));
		expect(confirmed.length).toBeGreaterThan(0);
		expect(confirmed.length).toBeLessThan(approbations.length);
		expect(classes.some((c) => c.beforeFives !== null)).toBe(true);
		expect(await t.db.selectFrom('approbationIndicators').select('id').execute()).not.toHaveLength(
			0
		);
		expect(await t.db.selectFrom('observationRequests').select('id').execute()).not.toHaveLength(0);

		// A questionnaire sent to the members: answers sent, and one saved to finish later.
		const responses = await t.db
			.selectFrom('formResponses')
			.select(['status', 'questionnaireId'])
			.where('questionnaireId', 'is not', null)
			.execute();
		expect(responses.filter((r) => r.status === 'submitted').length).toBeGreaterThan(1);
		expect(responses.some((r) => r.status === 'draft')).toBe(true);

		// The approved edition prints the results of the materials the leader chose.
		const edition = await t.db
			.selectFrom('collectionEditions')
			.select('model')
			.where('approvedAt', 'is not', null)
			.executeTakeFirstOrThrow();
		const model = JSON.parse(edition.model) as {
			sections: { items: { results?: { indicators: { rows: string[][] }[] } }[] }[];
		};
		const printed = model.sections.flatMap((s) => s.items).filter((i) => i.results);
		expect(printed.length).toBeGreaterThan(1);
		for (const item of printed) expect(item.results!.indicators[0]!.rows.length).toBeGreaterThan(0);
	});
	it('makes results known: the approved collection to the public, materials to the staff, a refusal, a tombstone, and two schools in the catalog', async () => {
		const publications = await t.db.selectFrom('publications').selectAll().execute();
		const consents = await t.db.selectFrom('publicationConsents').selectAll().execute();
		const asked = (id: string) => consents.filter((c) => c.publicationId === id);
		expect(new Set(publications.map((p) => p.code)).size).toBe(publications.length);
		for (const p of publications) {
			expect(p.requestedAt.getTime()).toBeLessThanOrEqual(soon());
			if (p.publishedAt)
				expect(p.publishedAt.getTime()).toBeGreaterThanOrEqual(p.requestedAt.getTime());
		}

		// For the public: every author was asked (those the snapshot cites), and every one of
		// them consented before it went live. For the staff: live at once, nobody asked.
		const live = publications.filter((p) => p.status === 'published');
		const pub = live.filter((p) => p.audience === 'public');
		expect(pub.length).toBeGreaterThanOrEqual(8);
		for (const p of pub) {
			const authors = parseSnapshot(p.snapshot).meta.authors.map((a) => a.id);
			expect(
				asked(p.id)
					.map((c) => c.userId)
					.sort(),
				p.title
			).toEqual([...authors].sort());
			for (const c of asked(p.id)) {
				expect(c.decision, p.title).toBe('consented');
				expect(c.decidedAt!.getTime()).toBeLessThanOrEqual(p.publishedAt!.getTime());
			}
		}
		const staff = live.filter((p) => p.audience === 'staff');
		expect(staff.length).toBeGreaterThanOrEqual(2);
		for (const p of staff) expect(asked(p.id)).toHaveLength(0);
		expect(new Set(pub.map((p) => p.licence)).size).toBeGreaterThan(1);

		// The approved collection, to the public under CC BY 4.0, its many authors all agreeing.
		const approved = await t.db
			.selectFrom('collectionEditions')
			.select('id')
			.where('approvedAt', 'is not', null)
			.execute();
		const edition = pub.find(
			(p) => p.kind === 'edition' && approved.some((e) => e.id === p.editionId)
		);
		expect(edition).toBeDefined();
		expect(edition!.licence).toBe('cc_by');
		expect(asked(edition!.id).length).toBeGreaterThan(2);
		// …and the group's approbation results beside it.
		const results = pub.find((p) => p.kind === 'results' && p.groupId === edition!.groupId);
		expect(results?.title).toMatch(/^Апробациянын натыйжалары: /);

		// A co-author refused, politely and saying why; one was taken down with a reason (its
		// address keeps a tombstone); one asked and taken back; one still waiting for an author.
		const refused = publications.filter((p) => p.status === 'refused');
		expect(refused.length).toBeGreaterThan(0);
		for (const p of refused) {
			const no = asked(p.id).filter((c) => c.decision === 'refused');
			expect(no).toHaveLength(1);
			expect((no[0]!.reason ?? '').length).toBeGreaterThan(20);
			expect(p.endReason).toBe(no[0]!.reason);
		}
		const tombstones = publications.filter((p) => p.status === 'unpublished');
		expect(tombstones.length).toBeGreaterThan(0);
		for (const p of tombstones) {
			expect((p.endReason ?? '').length).toBeGreaterThan(20);
			expect(p.endedAt!.getTime()).toBeGreaterThan(p.publishedAt!.getTime());
		}
		expect(publications.some((p) => p.status === 'withdrawn')).toBe(true);
		const waiting = publications.filter((p) => p.status === 'awaiting_consent');
		expect(waiting.length).toBeGreaterThan(0);
		for (const p of waiting) expect(asked(p.id).some((c) => c.decision === null)).toBe(true);

		// The catalog holds exactly what is live for the public, from more than one school, in
		// Kyrgyz and Russian, of several subjects and grades.
		const schools = new Set(pub.map((p) => p.schoolId));
		expect(schools.size).toBeGreaterThanOrEqual(2);
		for (const schoolId of schools)
			expect(pub.filter((p) => p.schoolId === schoolId).length).toBeGreaterThanOrEqual(4);
		const all = await searchCatalog(t.db, {});
		expect(all.total).toBe(pub.length);
		expect(new Set(all.results.map((r) => r.schoolSlug)).size).toBe(schools.size);
		expect(new Set(all.results.map((r) => r.language))).toEqual(new Set(['ky', 'ru']));
		const grades = new Set(pub.flatMap((p) => parseSnapshot(p.snapshot).meta.grades));
		expect(grades.size).toBeGreaterThan(4);
		for (const p of publications.filter((p) => p.status !== 'published'))
			expect(all.results.some((r) => r.code === p.code)).toBe(false);

		// A Kyrgyz word found under another ending: «сабаттуулугу» finds the collection
		// («…сабаттуулукту өнүктүрүү…»).
		const found = await searchCatalog(t.db, { q: 'сабаттуулугу' });
		expect(found.results.map((r) => r.code)).toContain(edition!.code);
		expect(found.total).toBeLessThan(all.total);

		// The printed accounts include the second school's people, its admin first among them.
		const printed = await t.db
			.selectFrom('users')
			.select(['schoolId', 'role'])
			.where(
				'email',
				'in',
				accounts.map((a) => a.email.toLowerCase())
			)
			.execute();
		for (const schoolId of schools) {
			const staffOf = printed.filter((u) => u.schoolId === schoolId);
			expect(staffOf.some((u) => u.role === 'admin')).toBe(true);
			expect(staffOf.some((u) => u.role === 'teacher')).toBe(true);
		}
	});
});
