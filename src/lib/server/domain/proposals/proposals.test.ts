import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import type { ReceivedFile } from '../../files/receive';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { receivedFile, tempStore, tinyPdf } from '../../test/materials';
import { useTestDatabase } from '../../test/vitest';
import { ValidationError } from '../../validation';
import { formInput } from '../../web/form-input';
import { addPost } from '../discussions/add-post';
import { editPost } from '../discussions/edit-post';
import { getThread } from '../discussions/get-thread';
import { listThreads } from '../discussions/list-threads';
import { startThread } from '../discussions/start-thread';
import { closeGroup } from '../groups/close-group';
import { asId, type AttachmentId, type PostId, type ProposalId, type ThreadId } from '../ids';
import { groupBytes } from '../materials/attach-files';
import { analyzeProposal } from './analyze-proposal';
import { createProposal } from './create-proposal';
import { getProposal, proposalThreadId } from './get-proposal';
import { getProposalAttachment } from './get-proposal-attachment';
import { createProposalInput, type CreateProposalInput } from './input';
import { listProposals } from './list-proposals';
import { putToDiscussion } from './put-to-discussion';
import { returnProposal } from './return-proposal';
import { withdrawProposal } from './withdraw-proposal';

const t = useTestDatabase();
const { store, root } = tempStore();
const maxGroupBytes = 10 * 1024 * 1024;
let w: GroupWorld;
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});

const as = (actor: Actor, now?: Date) => ({ ...ctxOf(t.db, actor, now), store });
const proposal = (over: Partial<CreateProposalInput> = {}): CreateProposalInput => ({
	groupId: w.groupId,
	kind: 'theme',
	title: 'Кийинки жылдын темасы: функционалдык окуу',
	body: 'Сунушум: 5–6-класстарда окуу сабаттуулугуна басым жасайлы.',
	files: [],
	maxGroupBytes,
	...over
});
const propose = (actor = w.member, over: Partial<CreateProposalInput> = {}) =>
	createProposal(as(actor), proposal(over));
/** The proposal form as a browser sends it, with the files received. */
const proposeForm = (values: Record<string, string>, files: ReceivedFile[] = []) =>
	createProposal(as(w.member), {
		...formInput(createProposalInput, values, { groupId: w.groupId }),
		files,
		maxGroupBytes
	});
const issues = async (promise: Promise<unknown>) =>
	((await appError(promise)) as ValidationError).issues.map((i) => `${i.field}:${i.key}`);
const ofProposal = (proposalId: ProposalId) => ({ groupId: w.groupId, proposalId });
const see = (actor: Actor, proposalId: ProposalId) =>
	getProposal(as(actor), ofProposal(proposalId));
const analyze = (actor: Actor, proposalId: ProposalId, analysis: string) =>
	analyzeProposal(as(actor), { ...ofProposal(proposalId), analysis });
const discuss = (actor: Actor, proposalId: ProposalId) =>
	putToDiscussion(as(actor), ofProposal(proposalId));
const giveBack = (actor: Actor, proposalId: ProposalId, reason: string) =>
	returnProposal(as(actor), { ...ofProposal(proposalId), reason });
const withdraw = (actor: Actor, proposalId: ProposalId) =>
	withdrawProposal(as(actor), ofProposal(proposalId));
const list = (actor: Actor, status?: 'accepted') =>
	listProposals(as(actor), { groupId: w.groupId, status });
const post = (
	actor: Actor,
	threadId: ThreadId,
	fields: { body: string; parentId?: PostId; quotedPostId?: PostId },
	now?: Date
) => addPost(as(actor, now), { groupId: w.groupId, threadId, ...fields });
const edit = (actor: Actor, threadId: ThreadId, postId: PostId, body: string, now?: Date) =>
	editPost(as(actor, now), { groupId: w.groupId, threadId, postId, body });
const start = (actor: Actor, title: string, body: string, now?: Date) =>
	startThread(as(actor, now), { groupId: w.groupId, title, body });
const threadOf = (proposalId: ProposalId) => proposalThreadId(as(w.member), ofProposal(proposalId));

describe('proposals (§3.3, §3.5, §5.3)', () => {
	it('a member proposes with files; it is numbered, has a thread, and only the group sees it', async () => {
		const pdf = receivedFile(root, 'Негиздеме.pdf', tinyPdf('Negizdeme'));
		const { proposalId, number } = await propose(w.member, { files: [pdf] });
		expect(number).toBe(1);
		expect((await propose(w.scientist, { kind: 'other', title: 'Консультация' })).number).toBe(2);
		const view = await see(w.member, proposalId);
		expect(view.proposal).toMatchObject({ status: 'submitted', kind: 'theme', analysis: '' });
		expect(view.authorName).toBe('Нурлан Үсөнов');
		expect(view.attachments).toMatchObject([{ name: 'Негиздеме.pdf', kind: 'pdf' }]);
		expect(view.history.map((h) => h.to)).toEqual(['submitted']);
		expect(view.thread).toMatchObject({ isThreadOpen: false, canPost: false, postCount: 0 });
		expect(view.can).toEqual({
			analyze: false,
			discuss: false,
			return: false,
			withdraw: true,
			openVote: false
		});
		const file = await getProposalAttachment(as(w.admin), {
			...ofProposal(proposalId),
			attachmentId: asId<AttachmentId>(view.attachments[0]!.id)
		});
		expect(await groupBytes(t.db, w.groupId)).toBe(file.size);
		expect(
			(
				await appError(
					getProposalAttachment(as(w.admin), {
						...ofProposal(proposalId),
						attachmentId: asId<AttachmentId>('no-such-file')
					})
				)
			).code
		).toBe('not_found');
		// The admin reads it; staff who are not members are refused; another school is told nothing.
		expect((await see(w.admin, proposalId)).can.analyze).toBe(false);
		expect((await appError(see(w.staff, proposalId))).code).toBe('forbidden');
		expect((await appError(see(w.otherAdmin, proposalId))).code).toBe('not_found');
		expect((await appError(propose(w.staff))).code).toBe('forbidden');
		expect((await appError(propose(w.admin))).code).toBe('forbidden');
		expect((await list(w.leader)).proposals.map((p) => p.number)).toEqual([2, 1]);
		expect((await list(w.leader, 'accepted')).proposals).toEqual([]);
		expect((await list(w.admin)).canPropose).toBe(false);
	});

	it('bad input is refused field by field; a disguised file or the group’s full space refuses the whole proposal', async () => {
		expect(await issues(proposeForm({ kind: 'wish', title: 'аа', body: ' ' }))).toEqual([
			'kind:error_choice',
			'title:error_too_short',
			'body:error_required'
		]);
		expect(await issues(propose(w.member, { body: 'ы'.repeat(8001) }))).toEqual([
			'body:error_too_long'
		]);
		const page = receivedFile(root, 'plan.pdf', new TextEncoder().encode('<html>hi</html>'));
		expect(await issues(propose(w.member, { files: [page] }))).toEqual(['files:error_file_type']);
		const big = receivedFile(root, 'big.pdf', tinyPdf('x'.repeat(2000)));
		expect(await issues(propose(w.member, { files: [big], maxGroupBytes: 100 }))).toEqual([
			'files:error_group_quota'
		]);
		const many = Array.from({ length: 11 }, (_, i) =>
			receivedFile(root, `${i}.pdf`, tinyPdf(`${i}`))
		);
		expect(await issues(propose(w.member, { files: many }))).toEqual([
			'files:error_too_many_files'
		]);
		// None of them was kept.
		expect((await list(w.leader)).proposals).toEqual([]);
		expect(await groupBytes(t.db, w.groupId)).toBe(0);
	});

	it('the leader analyzes, puts it to discussion; others may not; each step is in the history', async () => {
		const { proposalId } = await propose();
		expect((await appError(analyze(w.member, proposalId, 'Жакшы'))).code).toBe('forbidden');
		expect((await appError(analyze(w.admin, proposalId, 'Жакшы'))).code).toBe('forbidden');
		expect(await issues(analyze(w.leader, proposalId, ''))).toEqual(['analysis:error_required']);
		// Analysis first: a submitted proposal is not put to discussion.
		expect((await appError(discuss(w.leader, proposalId))).code).toBe('conflict');
		await analyze(w.leader, proposalId, 'Тема актуалдуу, бирок колдонмолор керек.');
		await analyze(w.leader, proposalId, 'Тема актуалдуу; колдонмолорду биз даярдайбыз.');
		expect((await appError(discuss(w.member, proposalId))).code).toBe('forbidden');
		await discuss(w.leader, proposalId);
		await discuss(w.leader, proposalId); // a double submit changes nothing
		const view = await see(w.leader, proposalId);
		expect(view.proposal).toMatchObject({
			status: 'discussion',
			analysis: 'Тема актуалдуу; колдонмолорду биз даярдайбыз.'
		});
		expect(view.analyzedByName).toBe('Айгүл Өмүрбекова');
		expect(view.history.map((h) => h.to)).toEqual(['submitted', 'analyzed', 'discussion']);
		expect(view.can).toMatchObject({ analyze: true, discuss: false, return: true, openVote: true });
		expect(view.thread).toMatchObject({ isThreadOpen: true, canPost: true });
		// The author may still withdraw it while it is discussed.
		expect((await see(w.member, proposalId)).can.withdraw).toBe(true);
	});

	it('the leader returns one with a reason; its author withdraws another; both are final', async () => {
		const returned = (await propose()).proposalId;
		expect(await issues(giveBack(w.leader, returned, ' '))).toEqual(['reason:error_required']);
		await giveBack(w.leader, returned, 'Мындай тема былтыр каралган.');
		const view = await see(w.member, returned);
		expect(view.proposal.status).toBe('returned');
		expect(view.history.at(-1)).toMatchObject({
			to: 'returned',
			reason: 'Мындай тема былтыр каралган.',
			actorName: 'Айгүл Өмүрбекова'
		});
		expect((await appError(withdraw(w.member, returned))).code).toBe('conflict');
		expect((await appError(analyze(w.leader, returned, 'x'))).code).toBe('conflict');

		const withdrawn = (await propose()).proposalId;
		expect((await appError(withdraw(w.scientist, withdrawn))).code).toBe('forbidden');
		expect((await appError(withdraw(w.leader, withdrawn))).code).toBe('forbidden');
		await withdraw(w.member, withdrawn);
		await withdraw(w.member, withdrawn);
		expect((await see(w.member, withdrawn)).history.map((h) => h.to)).toEqual([
			'submitted',
			'withdrawn'
		]);
		expect((await appError(giveBack(w.leader, withdrawn, 'Кеч'))).code).toBe('conflict');
	});
});

describe('discussions: threads, replies, quotes, mentions, edits', () => {
	it('a proposal’s thread opens with the discussion; replies nest, quotes keep the words, mentions are found', async () => {
		const { proposalId } = await propose();
		const threadId = await threadOf(proposalId);
		// Not yet in discussion: posting is refused as closed, not forbidden.
		expect((await appError(post(w.member, threadId, { body: 'Эрте' }))).code).toBe('conflict');
		await analyze(w.leader, proposalId, 'Макул');
		await discuss(w.leader, proposalId);

		const first = await post(
			w.leader,
			threadId,
			{ body: '@Нурлан Үсөнов, мисал келтире аласызбы? @Эсенгулов да пикир айтсын.' },
			new Date('2026-11-21T08:00:00Z')
		);
		const reply = await post(
			w.member,
			threadId,
			{ body: 'Ооба, эртең жиберем.', quotedPostId: first.postId },
			new Date('2026-11-21T09:00:00Z')
		);
		await post(
			w.scientist,
			threadId,
			{ body: 'Макулмун.', parentId: reply.postId },
			new Date('2026-11-21T10:00:00Z')
		);
		expect(await issues(post(w.member, threadId, { body: '' }))).toEqual(['body:error_required']);
		expect(await issues(post(w.member, threadId, { body: 'ы'.repeat(5001) }))).toEqual([
			'body:error_too_long'
		]);
		expect(
			await issues(post(w.member, threadId, { body: 'Жооп', parentId: asId<PostId>('elsewhere') }))
		).toEqual(['body:error_choice']);
		expect((await appError(post(w.admin, threadId, { body: 'Админ' }))).code).toBe('forbidden');
		expect((await appError(post(w.staff, threadId, { body: 'Мен' }))).code).toBe('forbidden');
		expect((await appError(post(w.otherTeacher, threadId, { body: 'Мен' }))).code).toBe(
			'not_found'
		);

		const mentioned = await t.db
			.selectFrom('postMentions')
			.select('userId')
			.where('postId', '=', first.postId)
			.execute();
		expect(mentioned.map((m) => m.userId).sort()).toEqual([w.member.id, w.scientist.id].sort());

		// The quoted post is edited afterwards: the quote keeps the words as they were.
		await edit(
			w.leader,
			threadId,
			first.postId,
			'@Айгүл — жок, @Нурлан Үсөнов гана.',
			new Date('2026-11-21T11:00:00Z')
		);
		expect((await appError(edit(w.member, threadId, first.postId, 'Башка'))).code).toBe(
			'forbidden'
		);
		expect((await appError(edit(w.member, threadId, asId<PostId>('nope'), 'Башка'))).code).toBe(
			'not_found'
		);
		const after = await t.db
			.selectFrom('postMentions')
			.select('userId')
			.where('postId', '=', first.postId)
			.execute();
		expect(after.map((m) => m.userId)).toEqual([w.member.id]);

		const thread = (await see(w.member, proposalId)).thread;
		expect(thread.postCount).toBe(3);
		const [root] = thread.posts;
		expect(root).toMatchObject({ authorName: 'Айгүл Өмүрбекова', canEdit: false });
		expect(root!.editedAt?.toISOString()).toBe('2026-11-21T11:00:00.000Z');
		// Shown highlighted, one's own name too; recorded as mentions, only the others.
		expect(root!.parts.filter((p) => 'mention' in p)).toEqual([
			{ text: '@Айгүл', mention: w.leader.id },
			{ text: '@Нурлан Үсөнов', mention: w.member.id }
		]);
		const [answer] = root!.replies;
		expect(answer).toMatchObject({
			authorName: 'Нурлан Үсөнов',
			quote: {
				text: '@Нурлан Үсөнов, мисал келтире аласызбы? @Эсенгулов да пикир айтсын.',
				authorName: 'Айгүл Өмүрбекова'
			},
			editedAt: null,
			canEdit: true
		});
		expect(answer!.replies.map((r) => r.authorName)).toEqual(['Кубанычбек Эсенгулов']);

		// Decided (here: withdrawn) proposals close their thread for posts and edits.
		await withdraw(w.member, proposalId);
		expect((await appError(post(w.member, threadId, { body: 'Кеч' }))).code).toBe('conflict');
		expect((await appError(edit(w.member, threadId, asId<PostId>(answer!.id), 'Кеч'))).code).toBe(
			'conflict'
		);
	});

	it('free-standing threads: members start them; the list shows them with their posts', async () => {
		// A proposal not yet put to discussion, and one discussed (one post) and then withdrawn.
		const submitted = (await propose()).proposalId;
		const withdrawn = (await propose()).proposalId;
		await analyze(w.leader, withdrawn, 'Макул');
		await discuss(w.leader, withdrawn);
		await post(
			w.member,
			await threadOf(withdrawn),
			{ body: 'Пикир' },
			new Date('2026-11-20T08:00Z')
		);
		await withdraw(w.member, withdrawn);

		const { threadId } = await start(
			w.scientist,
			'Ачык сабактар жумалыгы',
			'Кайсы күндөр ыңгайлуу?',
			new Date('2026-11-21T08:00Z')
		);
		await post(
			w.leader,
			threadId,
			{ body: 'Шаршемби жана бейшемби.' },
			new Date('2026-11-21T09:00Z')
		);
		expect(await issues(start(w.member, 'а', ''))).toEqual([
			'title:error_too_short',
			'body:error_required'
		]);
		expect((await appError(start(w.admin, 'Админдин суроосу', 'Суроо'))).code).toBe('forbidden');
		const view = await getThread(as(w.admin), { groupId: w.groupId, threadId });
		expect(view).toMatchObject({
			title: 'Ачык сабактар жумалыгы',
			canPost: false,
			postCount: 2,
			proposalId: null
		});
		const { threads, canStart } = await listThreads(as(w.member), { groupId: w.groupId });
		expect(canStart).toBe(true);
		expect(threads).toHaveLength(2);
		expect(threads[0]).toMatchObject({ id: threadId, postCount: 2, proposalId: null });
		// A proposal not yet put to discussion has no thread to list; a withdrawn one with posts has.
		expect(threads.some((th) => th.proposalId === submitted)).toBe(false);
		expect(threads[1]).toMatchObject({
			proposalId: withdrawn,
			proposalStatus: 'withdrawn',
			postCount: 1
		});
	});

	it('a closed group keeps everything readable and refuses every change (§3.6)', async () => {
		const { proposalId } = await propose();
		const { threadId } = await start(w.member, 'Жабылганга чейин', 'Акыркы сөз');
		await closeGroup(as(w.admin), { groupId: w.groupId, reason: 'Жыл бүттү' });
		expect((await appError(propose())).code).toBe('conflict');
		expect((await appError(analyze(w.leader, proposalId, 'x'))).code).toBe('conflict');
		expect((await appError(withdraw(w.member, proposalId))).code).toBe('conflict');
		expect((await appError(post(w.member, threadId, { body: 'x' }))).code).toBe('conflict');
		expect((await appError(start(w.member, 'Жаңы тема', 'x'))).code).toBe('conflict');
		expect((await getThread(as(w.member), { groupId: w.groupId, threadId })).postCount).toBe(1);
		expect((await see(w.member, proposalId)).can.withdraw).toBe(false);
	});
});
