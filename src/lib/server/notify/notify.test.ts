import fs from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { runJobsUntilIdle, runNextJob } from '../jobs/runner';
import type { BlobStore } from '../storage/types';
import { ctxOf } from '../test/context';
import { actorOf, makeUser } from '../test/factories';
import { join, makeGroupWorld, type GroupWorld } from '../test/groups';
import { materialInput, offeredMaterial, tempStore } from '../test/materials';
import { testSeal } from '../test/votes';
import { useTestDatabase } from '../test/vitest';
import { addItem } from '../domain/collections/add-item';
import { addSection } from '../domain/collections/add-section';
import { compileCollection } from '../domain/collections/compile-collection';
import { createCollection } from '../domain/collections/create-collection';
import { retryEdition } from '../domain/collections/retry-edition';
import type { Ctx } from '../domain/context';
import { addPost } from '../domain/discussions/add-post';
import { editPost } from '../domain/discussions/edit-post';
import { startThread } from '../domain/discussions/start-thread';
import { changeLeader } from '../domain/groups/change-leader';
import { createGroup } from '../domain/groups/create-group';
import { decideRequest } from '../domain/groups/decide-request';
import { inviteTeacher } from '../domain/groups/invite-teacher';
import { leaveGroup } from '../domain/groups/leave-group';
import { requestToJoin } from '../domain/groups/request-to-join';
import { respondToInvitation } from '../domain/groups/respond-to-invitation';
import { charter } from '../test/groups';
import {
	asId,
	type CriterionId,
	type MaterialId,
	type PostId,
	type ProposalId,
	type ThreadId,
	type VoteId,
	type VoteOptionId
} from '../domain/ids';
import { decideMaterial } from '../domain/materials/decide-material';
import { listCriteria } from '../domain/materials/criteria';
import { offerMaterial } from '../domain/materials/offer-material';
import { updateMaterial } from '../domain/materials/update-material';
import { createMeeting } from '../domain/meetings/create-meeting';
import { updateMeeting } from '../domain/meetings/update-meeting';
import { analyzeProposal } from '../domain/proposals/analyze-proposal';
import { createProposal } from '../domain/proposals/create-proposal';
import { putToDiscussion } from '../domain/proposals/put-to-discussion';
import { returnProposal } from '../domain/proposals/return-proposal';
import { answerConsent } from '../domain/publications/answer-consent';
import { requestPublication } from '../domain/publications/request-publication';
import { saveReview } from '../domain/reviews/save-review';
import { castBallot } from '../domain/votes/cast-ballot';
import { closeDueVotes } from '../domain/votes/close-due-votes';
import { closeVote } from '../domain/votes/close-vote';
import { listVotes } from '../domain/votes/list-votes';
import { openVote } from '../domain/votes/open-vote';
import { kindRule, notificationKinds, type NotificationKind } from './kinds';
import { links } from './links';
import { notify, setChannels } from './notify';

// Who is told of each event: the right people, never the one who acted, never someone who
// left the group or whose account is off; told once, however often the event is repeated.

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const seal = testSeal();
let w: GroupWorld;
let names: Map<string, string>;

beforeEach(async () => {
	setChannels(() => ({ email: false, telegram: false }));
	w = await makeGroupWorld(t.db);
	names = new Map(
		[w.admin, w.leader, w.member, w.staff, w.scientist, w.otherAdmin, w.otherTeacher].map((a) => [
			a.id,
			a.fullName
		])
	);
	// What building the world told is not what these tests look at.
	await t.db.deleteFrom('notifications').execute();
});
afterEach(() => setChannels(undefined));

const as = (actor: Actor, now?: Date): Ctx => ({ ...ctxOf(t.db, actor, now), store });
const groupId = () => w.groupId;

/** The notifications of a kind, oldest first. */
const rows = (kind: NotificationKind) =>
	t.db
		.selectFrom('notifications')
		.selectAll()
		.where('kind', '=', kind)
		.orderBy('createdAt')
		.orderBy('userId')
		.execute();
/** Who was told of a kind, by name, sorted. */
const told = async (kind: NotificationKind) =>
	(await rows(kind)).map((r) => names.get(r.userId) ?? r.userId).sort();
/** The one notification of a kind (the test expects exactly one). */
async function one(kind: NotificationKind) {
	const found = await rows(kind);
	expect(found).toHaveLength(1);
	return { ...found[0]!, params: JSON.parse(found[0]!.params) as Record<string, string> };
}
const sorted = (...actors: Actor[]) => actors.map((a) => a.fullName).sort();

async function newTeacher(fullName: string): Promise<Actor> {
	return actorOf(await makeUser(t.db, { schoolId: w.schoolId, fullName }));
}

describe('notify', () => {
	it('every kind has an audience and a default, and the actor is never told', async () => {
		expect(notificationKinds.length).toBe(31);
		for (const kind of notificationKinds) expect(kindRule(kind).audience).toBeTruthy();
		const event = {
			kind: 'proposal.in_discussion' as const,
			key: 'x',
			groupId: w.groupId,
			subject: 'Тема',
			link: links.group(w.groupId)
		};
		expect(await notify({ db: t.db, now: new Date(), actor: w.leader }, event)).toBe(2);
		// Told once: the same event again tells nobody.
		expect(await notify({ db: t.db, now: new Date(), actor: w.leader }, event)).toBe(0);
		expect(await told('proposal.in_discussion')).toEqual(sorted(w.member, w.scientist));
		const row = (await rows('proposal.in_discussion'))[0]!;
		expect(row.eventKey).toBe('proposal.in_discussion:x');
		expect(row.actorId).toBe(w.leader.id);
		expect(row.schoolId).toBe(w.schoolId);
	});

	it('named kinds go to those named; an inactive account is not told', async () => {
		await t.db
			.updateTable('users')
			.set({ isActive: false })
			.where('id', '=', w.member.id)
			.execute();
		const count = await notify(
			{ db: t.db, now: new Date(), actor: null },
			{
				kind: 'plan.due',
				key: 'k',
				groupId: w.groupId,
				subject: 'Пункт',
				link: links.group(w.groupId),
				userIds: [w.member.id, w.staff.id, w.staff.id]
			}
		);
		expect(count).toBe(1);
		expect(await told('plan.due')).toEqual(sorted(w.staff));
	});
});

describe('membership', () => {
	it('an invitation is told to the invitee; accepting it tells the leader', async () => {
		const { requestId } = await inviteTeacher(as(w.leader), {
			groupId: groupId(),
			userId: w.staff.id
		});
		const invited = await one('group.invited');
		expect(invited.userId).toBe(w.staff.id);
		expect(invited.subject).toBe(charter.name);
		expect(invited.link).toBe(`/groups/${w.groupId}`);
		expect(invited.groupId).toBe(w.groupId);
		await respondToInvitation(as(w.staff), { groupId: groupId(), requestId, decision: 'accept' });
		const joined = await one('group.member_joined');
		expect(joined.userId).toBe(w.leader.id);
		expect(joined.params).toEqual({ person: w.staff.fullName });
		expect(joined.link).toBe(`/groups/${w.groupId}/members`);
	});

	it('a request to join goes to the leader; the answer to the requester', async () => {
		const { requestId } = await requestToJoin(as(w.staff), {
			groupId: groupId(),
			message: 'Кошулгум келет'
		});
		expect(await told('group.join_requested')).toEqual(sorted(w.leader));
		expect((await one('group.join_requested')).params).toEqual({ person: w.staff.fullName });
		await decideRequest(as(w.leader), { groupId: groupId(), requestId, decision: 'accept' });
		expect(await told('group.request_accepted')).toEqual(sorted(w.staff));
		// The leader let them in: no news for the leader.
		expect(await told('group.member_joined')).toEqual([]);

		const other = await newTeacher('Асель Бакирова');
		names.set(other.id, other.fullName);
		const second = await requestToJoin(as(other), { groupId: groupId(), message: 'Мен да' });
		await decideRequest(as(w.admin), {
			groupId: groupId(),
			requestId: second.requestId,
			decision: 'decline',
			response: 'Орун жок'
		});
		expect(await told('group.request_declined')).toEqual(sorted(other));
		expect(await told('group.member_joined')).toEqual([]);
	});

	it('the administration accepting a request tells the leader who joined', async () => {
		const { requestId } = await requestToJoin(as(w.staff), { groupId: groupId(), message: 'Мен' });
		await decideRequest(as(w.admin), { groupId: groupId(), requestId, decision: 'accept' });
		expect(await told('group.member_joined')).toEqual(sorted(w.leader));
	});

	it('a member leaving tells the leader', async () => {
		await leaveGroup(as(w.member), { groupId: groupId() });
		const left = await one('group.member_left');
		expect(left.userId).toBe(w.leader.id);
		expect(left.params).toEqual({ person: w.member.fullName });
	});

	it('the new leader is told of the appointment, the previous one of the change', async () => {
		await changeLeader(as(w.admin), {
			groupId: groupId(),
			leaderId: w.member.id,
			reason: 'Ден соолугуна байланыштуу'
		});
		expect(await told('group.leader_appointed')).toEqual(sorted(w.member));
		expect(await told('group.leader_replaced')).toEqual(sorted(w.leader));
		expect((await one('group.leader_replaced')).subject).toBe(charter.name);
	});

	it('creating a group tells the appointed leader', async () => {
		await createGroup(as(w.admin), {
			...charter,
			name: 'Экинчи топ',
			schoolId: w.schoolId,
			startedOn: '2026-09-01',
			leaderId: w.staff.id
		});
		const appointed = await one('group.leader_appointed');
		expect(appointed.userId).toBe(w.staff.id);
		expect(appointed.subject).toBe('Экинчи топ');
	});
});

describe('materials and reviews', () => {
	const title = 'Оюн аркылуу окутуу';
	const decide = (materialId: MaterialId, to: 'under_review' | 'revision_requested' | 'accepted') =>
		decideMaterial(as(w.leader), {
			groupId: groupId(),
			materialId,
			to,
			reason: to === 'under_review' ? '' : 'Себеби'
		});

	it('offered → the leader; each decision → the authors, told once per version', async () => {
		const materialId = await offeredMaterial(t.db, store, w.member, w.groupId, {
			title,
			coauthors: [w.scientist.id]
		});
		const offered = await one('material.offered');
		expect(offered.userId).toBe(w.leader.id);
		expect(offered.subject).toBe(title);
		expect(offered.link).toBe(`/groups/${w.groupId}/materials/${materialId}`);
		expect(offered.eventKey).toBe(`material.offered:${materialId}:1`);
		// The same offer sent twice is one offer.
		await offerMaterial(as(w.member), { groupId: groupId(), materialId });
		expect(await told('material.offered')).toEqual(sorted(w.leader));

		await decide(materialId, 'under_review');
		expect(await told('material.in_review')).toEqual(sorted(w.member, w.scientist));
		await decide(materialId, 'revision_requested');
		expect(await told('material.revision_asked')).toEqual(sorted(w.member, w.scientist));
		// The revision is version 2: its offer is news again.
		await updateMaterial(as(w.member), {
			groupId: groupId(),
			materialId,
			...materialInput({ title, coauthors: [w.scientist.id], abstract: 'Оңдолду.' })
		});
		await offerMaterial(as(w.member), { groupId: groupId(), materialId });
		expect(await told('material.offered')).toEqual(sorted(w.leader, w.leader));
		await decide(materialId, 'accepted');
		expect(await told('material.accepted')).toEqual(sorted(w.member, w.scientist));
	});

	it('an author who is also the leader is not told of their own decision', async () => {
		const materialId = await offeredMaterial(t.db, store, w.leader, w.groupId, {
			title,
			coauthors: [w.member.id]
		});
		expect(await told('material.offered')).toEqual([]);
		await decide(materialId, 'under_review');
		expect(await told('material.in_review')).toEqual(sorted(w.member));
	});

	// Fails until notify.ts keeps authors to current members (/work/c8-notify-current-members.patch):
	// once applied, make this `it`.
	it('an author who left the group is not told', async () => {
		const materialId = await offeredMaterial(t.db, store, w.member, w.groupId, {
			title,
			coauthors: [w.scientist.id]
		});
		await leaveGroup(as(w.scientist), { groupId: groupId() });
		await decide(materialId, 'under_review');
		expect(await told('material.in_review')).toEqual(sorted(w.member));
	});

	it('a review is told to the authors once, however often it is saved', async () => {
		const materialId = await offeredMaterial(t.db, store, w.member, w.groupId, { title });
		const criteria = await listCriteria(t.db, w.groupId, { activeOnly: true });
		const review = (score: number) => ({
			groupId: groupId(),
			materialId,
			recommendation: 'accept' as const,
			comment: 'Жакшы.',
			scores: Object.fromEntries(criteria.map((c) => [asId<CriterionId>(c.id), { score }]))
		});
		await saveReview(as(w.scientist), review(4));
		await saveReview(as(w.scientist), review(5));
		const received = await one('review.received');
		expect(received.userId).toBe(w.member.id);
		expect(received.subject).toBe(title);
		await saveReview(as(w.leader), review(3));
		expect(await told('review.received')).toEqual(sorted(w.member, w.member));
	});
});

describe('discussions', () => {
	const start = (actor: Actor, body: string) =>
		startThread(as(actor), { groupId: groupId(), title: 'Ачык сабактар', body });
	const post = (actor: Actor, threadId: ThreadId, body: string, parentId?: PostId) =>
		addPost(as(actor), { groupId: groupId(), threadId, body, parentId });

	it('a mention tells the one mentioned, with a link to the post', async () => {
		const { threadId } = await start(w.leader, 'Кеңешели, @Нурлан Үсөнов жана @Айгүл Өмүрбекова');
		const mention = await one('post.mentioned');
		expect(mention.userId).toBe(w.member.id);
		expect(mention.subject).toBe('Ачык сабактар');
		const first = await t.db
			.selectFrom('discussionPosts')
			.select('id')
			.where('threadId', '=', threadId)
			.executeTakeFirstOrThrow();
		expect(mention.link).toBe(`/groups/${w.groupId}/discussions/${threadId}#post-${first.id}`);
		expect(mention.eventKey).toBe(`post.mentioned:${first.id}`);
	});

	it('a reply tells the author answered, unless mentioned already', async () => {
		const { threadId } = await start(w.member, 'Биринчи ой');
		const first = await t.db
			.selectFrom('discussionPosts')
			.select('id')
			.where('threadId', '=', threadId)
			.executeTakeFirstOrThrow();
		const parent = asId<PostId>(first.id);
		await post(w.scientist, threadId, 'Макулмун', parent);
		expect(await told('post.replied')).toEqual(sorted(w.member));
		await post(w.leader, threadId, 'Туура, @Нурлан Үсөнов', parent);
		expect(await told('post.replied')).toEqual(sorted(w.member));
		expect(await told('post.mentioned')).toEqual(sorted(w.member));
		// Answering one's own post tells nobody.
		await post(w.member, threadId, 'Дагы бир ой', parent);
		expect(await told('post.replied')).toEqual(sorted(w.member));
	});

	it('an edit tells only those newly mentioned; who left or is inactive is never told', async () => {
		const { threadId } = await start(w.leader, 'Башталышы');
		const { postId } = await post(w.scientist, threadId, 'Менин оюм @Нурлан Үсөнов');
		expect(await told('post.mentioned')).toEqual(sorted(w.member));
		await editPost(as(w.scientist), {
			groupId: groupId(),
			threadId,
			postId,
			body: 'Менин оюм @Нурлан Үсөнов, @Айгүл Өмүрбекова'
		});
		expect(await told('post.mentioned')).toEqual(sorted(w.leader, w.member));

		await leaveGroup(as(w.scientist), { groupId: groupId() });
		await t.db.deleteFrom('notifications').execute();
		// Someone who left cannot be mentioned, nor told that they were answered.
		await post(w.member, threadId, 'Жооп @Кубанычбек Эсенгулов', postId);
		expect(await told('post.mentioned')).toEqual([]);
		expect(await told('post.replied')).toEqual([]);
		await t.db
			.updateTable('users')
			.set({ isActive: false })
			.where('id', '=', w.member.id)
			.execute();
		await post(w.leader, threadId, 'Кана, @Нурлан Үсөнов?');
		expect(await told('post.mentioned')).toEqual([]);
	});
});

describe('proposals', () => {
	const propose = () =>
		createProposal(as(w.member), {
			groupId: groupId(),
			kind: 'theme',
			title: 'Жаңы тема',
			body: 'Сунуш',
			files: [],
			maxGroupBytes: 10_000_000
		});
	const ofIt = (proposalId: string) => ({
		groupId: groupId(),
		proposalId: asId<ProposalId>(proposalId)
	});

	it('analyzed → the author once; in discussion → the members; returned → the author', async () => {
		const { proposalId } = await propose();
		await analyzeProposal(as(w.leader), { ...ofIt(proposalId), analysis: 'Талдоо' });
		await analyzeProposal(as(w.leader), { ...ofIt(proposalId), analysis: 'Жаңы талдоо' });
		const analyzed = await one('proposal.analyzed');
		expect(analyzed.userId).toBe(w.member.id);
		expect(analyzed.subject).toBe('Жаңы тема');
		expect(analyzed.link).toBe(`/groups/${w.groupId}/proposals/${proposalId}`);
		await putToDiscussion(as(w.leader), ofIt(proposalId));
		expect(await told('proposal.in_discussion')).toEqual(sorted(w.member, w.scientist));

		const other = await propose();
		await returnProposal(as(w.leader), { ...ofIt(other.proposalId), reason: 'Кайталанат' });
		expect(await told('proposal.returned')).toEqual(sorted(w.member));
	});
});

describe('votes', () => {
	const open = (over: { closesAt?: Date; isExternalAllowed?: boolean } = {}, now?: Date) =>
		openVote(as(w.leader, now), {
			groupId: groupId(),
			question: 'Сунушту кабыл алабызбы?',
			kind: 'yes_no',
			...over
		});
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

	it('opened → the roll but the leader; closed → the members with the outcome', async () => {
		const closesAt = new Date(Date.now() + 48 * 3600_000);
		const { voteId } = await open({ closesAt });
		// The group does not let external members vote: the scientist is not on the roll.
		expect(await told('vote.opened')).toEqual(sorted(w.member));
		const opened = await one('vote.opened');
		expect(opened.subject).toBe('Сунушту кабыл алабызбы?');
		expect(opened.link).toBe(`/groups/${w.groupId}/votes/${voteId}`);
		expect(opened.params).toEqual({ closesAt: closesAt.toISOString() });
		await castBallot(as(w.member), {
			groupId: groupId(),
			voteId,
			choices: [await yes(voteId)],
			seal
		});
		await closeVote(as(w.leader), { groupId: groupId(), voteId, text: 'Кабыл алынды', seal });
		expect(await told('vote.closed')).toEqual(sorted(w.member, w.scientist));
		const closed = await rows('vote.closed');
		expect(JSON.parse(closed[0]!.params)).toEqual({ outcome: 'accepted' });
	});

	it('a vote its deadline closed tells every member, the leader too', async () => {
		const t0 = new Date();
		const { voteId } = await open({ closesAt: new Date(t0.getTime() + 3600_000) }, t0);
		const later = new Date(t0.getTime() + 2 * 3600_000);
		await listVotes(as(w.member, later), { groupId: groupId(), seal });
		expect(await told('vote.closed')).toEqual(sorted(w.leader, w.member, w.scientist));
		const closed = (await rows('vote.closed'))[0]!;
		expect(closed.eventKey).toBe(`vote.closed:${voteId}`);
		expect(closed.createdAt.getTime()).toBe(later.getTime());
	});
});

describe('votes closed by the sweep', () => {
	it('a vote past its deadline is closed and told without anyone opening it', async () => {
		const t0 = new Date();
		const { voteId } = await openVote(as(w.leader, t0), {
			groupId: groupId(),
			question: 'Мөөнөтү өттү',
			kind: 'yes_no',
			closesAt: new Date(t0.getTime() + 3600_000)
		});
		expect(await closeDueVotes(t.db, seal, new Date(t0.getTime() + 1800_000))).toBe(0);
		expect(await told('vote.closed')).toEqual([]);
		expect(await closeDueVotes(t.db, seal, new Date(t0.getTime() + 7200_000))).toBe(1);
		expect(await told('vote.closed')).toEqual(sorted(w.leader, w.member, w.scientist));
		expect((await rows('vote.closed'))[0]!.eventKey).toBe(`vote.closed:${voteId}`);
		expect(await closeDueVotes(t.db, seal, new Date(t0.getTime() + 7200_000))).toBe(0);
	});
});

describe('meetings', () => {
	const details = {
		heldOn: '2026-11-13',
		startTime: '14:30',
		place: 'Китепкана',
		invited: ''
	};

	it('scheduled and changed → the members; minutes alone are no news', async () => {
		const { meetingId, number } = await createMeeting(as(w.leader), {
			groupId: groupId(),
			...details
		});
		expect(await told('meeting.scheduled')).toEqual(sorted(w.member, w.scientist));
		const scheduled = (await rows('meeting.scheduled'))[0]!;
		expect(scheduled.subject).toBe(`№ ${number}`);
		expect(scheduled.link).toBe(`/groups/${w.groupId}/meetings/${meetingId}`);
		expect(JSON.parse((await rows('meeting.scheduled'))[0]!.params)).toEqual({
			meetingId,
			date: '2026-11-13',
			time: '14:30',
			place: 'Китепкана'
		});
		const save = (over: Record<string, string>, now: Date) =>
			updateMeeting(as(w.leader, now), {
				groupId: groupId(),
				meetingId,
				...details,
				notes: '',
				decisions: '',
				agenda: [],
				attendance: {},
				...over
			});
		const t1 = new Date(Date.now() + 1000);
		await save({ notes: 'Протокол' }, t1);
		expect(await told('meeting.changed')).toEqual([]);
		await save({ place: 'Актовый зал' }, new Date(t1.getTime() + 1000));
		expect(await told('meeting.changed')).toEqual(sorted(w.member, w.scientist));
		expect(JSON.parse((await rows('meeting.changed'))[0]!.params).place).toBe('Актовый зал');
		await save({ place: 'Актовый зал', startTime: '15:00' }, new Date(t1.getTime() + 2000));
		expect((await rows('meeting.changed')).length).toBe(4);
	});
});

describe('editions', () => {
	it('a failed compile and a compiled edition are told to the leader (no actor: a job)', async () => {
		const ids = { groupId: groupId() };
		const { collectionId } = await createCollection(as(w.leader), {
			...ids,
			title: 'Тажрыйбадан',
			subtitle: '',
			year: 2026,
			language: 'ky',
			city: '',
			approvalNote: '',
			preface: '',
			reviewers: [],
			editors: [w.member.id]
		});
		const ofIt = { ...ids, collectionId };
		const { sectionId } = await addSection(as(w.leader), { ...ofIt, title: 'Сабактар', intro: '' });
		const materialId = await offeredMaterial(t.db, store, w.member, w.groupId, { title: 'Сабак' });
		await decideMaterial(as(w.leader), {
			groupId: groupId(),
			materialId,
			to: 'accepted',
			version: 1,
			reason: 'Жакшы'
		});
		await addItem(as(w.leader), { ...ofIt, materialId, sectionId });
		const { number } = await compileCollection(as(w.leader), ofIt);
		const broken: BlobStore = {
			...store,
			putBytes: () => Promise.reject(new Error('ENOSPC: no space left on device'))
		};
		const now = Date.now();
		await runNextJob(t.db, broken, new Date(now));
		await runNextJob(t.db, broken, new Date(now + 60_000));
		const failed = await one('edition.failed');
		expect(failed.userId).toBe(w.leader.id);
		expect(failed.actorId).toBeNull();
		expect(failed.subject).toBe('Тажрыйбадан');
		expect(failed.params).toEqual({ number: String(number) });
		expect(failed.link).toBe(`/groups/${w.groupId}/collections/${collectionId}/editions/${number}`);
		await retryEdition(as(w.leader), { ...ofIt, number });
		await runJobsUntilIdle(t.db, store);
		expect(await told('edition.compiled')).toEqual(sorted(w.leader));
	}, 60_000);
});

describe('publications', () => {
	it('consent asked → the authors asked; published → the authors', async () => {
		const materialId = await offeredMaterial(t.db, store, w.member, w.groupId, {
			title: 'Оюн менен',
			coauthors: [w.scientist.id]
		});
		await decideMaterial(as(w.leader), {
			groupId: groupId(),
			materialId,
			to: 'accepted',
			version: 1,
			reason: 'Жакшы'
		});
		const { publicationId, code } = await requestPublication(as(w.leader), {
			groupId: groupId(),
			target: { kind: 'material', materialId },
			audience: 'public',
			licence: 'cc_by',
			resultsTitle: 'Натыйжалар'
		});
		// The leader asked: both authors are asked.
		expect(await told('publication.consent_asked')).toEqual(sorted(w.member, w.scientist));
		expect((await rows('publication.consent_asked'))[0]!.link).toBe('/consents');
		await answerConsent(as(w.member), { publicationId, decision: 'consented', reason: '' });
		expect(await told('publication.published')).toEqual([]);
		await answerConsent(as(w.scientist), { publicationId, decision: 'consented', reason: '' });
		// The last author to consent made it go live, and knows it.
		expect(await told('publication.published')).toEqual(sorted(w.member));
		const published = (await rows('publication.published'))[0]!;
		expect(published.link).toBe(`/p/${code}`);
		expect(published.subject).toBe('Оюн менен');
	});
});

describe('the join of the world', () => {
	it('joining through an invitation made by the world tells the leader', async () => {
		const teacher = await newTeacher('Айжан Осмонова');
		names.set(teacher.id, teacher.fullName);
		await join(t.db, w.leader, w.groupId, teacher);
		expect(await told('group.invited')).toEqual(sorted(teacher));
		expect(await told('group.member_joined')).toEqual(sorted(w.leader));
	});
});
