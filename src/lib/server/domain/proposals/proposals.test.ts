import { describe, expect, it } from 'vitest';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { receivedFile, tempStore, tinyPdf } from '../../test/materials';
import { useTestDatabase } from '../../test/vitest';
import { ValidationError } from '../../validation';
import { addPost } from '../discussions/add-post';
import { editPost } from '../discussions/edit-post';
import { getThread } from '../discussions/get-thread';
import { listThreads } from '../discussions/list-threads';
import { startThread } from '../discussions/start-thread';
import { closeGroup } from '../groups/close-group';
import { groupBytes } from '../materials/attach-files';
import { analyzeProposal } from './analyze-proposal';
import { createProposal } from './create-proposal';
import { getProposal, proposalThreadId } from './get-proposal';
import { getProposalAttachment } from './get-proposal-attachment';
import { listProposals } from './list-proposals';
import { putToDiscussion } from './put-to-discussion';
import { returnProposal } from './return-proposal';
import { withdrawProposal } from './withdraw-proposal';

const t = useTestDatabase();
const { store, root } = tempStore();
const limits = { maxGroupBytes: 10 * 1024 * 1024 };
let w: GroupWorld;

const proposal = (over: Record<string, unknown> = {}) => ({
	kind: 'theme',
	title: 'Кийинки жылдын темасы: функционалдык окуу',
	body: 'Сунушум: 5–6-класстарда окуу сабаттуулугуна басым жасайлы.',
	...over
});
const propose = (actor = w.member, over: Record<string, unknown> = {}, files = []) =>
	createProposal(t.db, store, actor, w.groupId, proposal(over), files, limits);
const issues = async (promise: Promise<unknown>) =>
	((await appError(promise)) as ValidationError).issues.map((i) => `${i.field}:${i.key}`);

describe('proposals (§3.3, §3.5, §5.3)', () => {
	it('a member proposes with files; it is numbered, has a thread, and only the group sees it', async () => {
		w = await makeGroupWorld(t.db);
		const pdf = receivedFile(root, 'Негиздеме.pdf', tinyPdf('Negizdeme'));
		const { proposalId, number } = await createProposal(
			t.db,
			store,
			w.member,
			w.groupId,
			proposal(),
			[pdf],
			limits
		);
		expect(number).toBe(1);
		expect((await propose(w.scientist, { kind: 'other', title: 'Консультация' })).number).toBe(2);
		const view = await getProposal(t.db, w.member, w.groupId, proposalId);
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
		const file = await getProposalAttachment(
			t.db,
			w.admin,
			w.groupId,
			proposalId,
			view.attachments[0]!.id
		);
		expect(await groupBytes(t.db, w.groupId)).toBe(file.size);
		// The admin reads it; staff who are not members are refused; another school is told nothing.
		expect((await getProposal(t.db, w.admin, w.groupId, proposalId)).can.analyze).toBe(false);
		expect((await appError(getProposal(t.db, w.staff, w.groupId, proposalId))).code).toBe(
			'forbidden'
		);
		expect((await appError(getProposal(t.db, w.otherAdmin, w.groupId, proposalId))).code).toBe(
			'not_found'
		);
		expect((await appError(propose(w.staff))).code).toBe('forbidden');
		expect((await appError(propose(w.admin))).code).toBe('forbidden');
		const list = await listProposals(t.db, w.leader, w.groupId, {});
		expect(list.proposals.map((p) => p.number)).toEqual([2, 1]);
		expect(
			(await listProposals(t.db, w.leader, w.groupId, { status: 'accepted' })).proposals
		).toEqual([]);
		expect((await listProposals(t.db, w.admin, w.groupId, {})).canPropose).toBe(false);
	});

	it('bad input is refused field by field; a disguised file or the group’s full space refuses the whole proposal', async () => {
		expect(await issues(propose(w.member, { kind: 'wish', title: 'аа', body: ' ' }))).toEqual([
			'kind:error_choice',
			'title:error_too_short',
			'body:error_required'
		]);
		expect(await issues(propose(w.member, { body: 'ы'.repeat(8001) }))).toEqual([
			'body:error_too_long'
		]);
		const page = receivedFile(root, 'plan.pdf', new TextEncoder().encode('<html>hi</html>'));
		expect(await issues(propose(w.member, {}, [page] as never))).toEqual(['files:error_file_type']);
		const big = receivedFile(root, 'big.pdf', tinyPdf('x'.repeat(2000)));
		const tight = createProposal(t.db, store, w.member, w.groupId, proposal(), [big], {
			maxGroupBytes: 100
		});
		expect(await issues(tight)).toEqual(['files:error_group_quota']);
		const many = Array.from({ length: 11 }, (_, i) =>
			receivedFile(root, `${i}.pdf`, tinyPdf(`${i}`))
		);
		expect(await issues(propose(w.member, {}, many as never))).toEqual([
			'files:error_too_many_files'
		]);
		expect((await listProposals(t.db, w.leader, w.groupId, {})).proposals).toHaveLength(2);
	});

	it('the leader analyzes, puts it to discussion; others may not; each step is in the history', async () => {
		const { proposalId } = await propose();
		expect(
			(
				await appError(
					analyzeProposal(t.db, w.member, w.groupId, proposalId, { analysis: 'Жакшы' })
				)
			).code
		).toBe('forbidden');
		expect(
			(await appError(analyzeProposal(t.db, w.admin, w.groupId, proposalId, { analysis: 'Жакшы' })))
				.code
		).toBe('forbidden');
		expect(
			await issues(analyzeProposal(t.db, w.leader, w.groupId, proposalId, { analysis: '' }))
		).toEqual(['analysis:error_required']);
		// Analysis first: a submitted proposal is not put to discussion.
		expect((await appError(putToDiscussion(t.db, w.leader, w.groupId, proposalId))).code).toBe(
			'conflict'
		);
		await analyzeProposal(t.db, w.leader, w.groupId, proposalId, {
			analysis: 'Тема актуалдуу, бирок колдонмолор керек.'
		});
		await analyzeProposal(t.db, w.leader, w.groupId, proposalId, {
			analysis: 'Тема актуалдуу; колдонмолорду биз даярдайбыз.'
		});
		expect((await appError(putToDiscussion(t.db, w.member, w.groupId, proposalId))).code).toBe(
			'forbidden'
		);
		await putToDiscussion(t.db, w.leader, w.groupId, proposalId);
		await putToDiscussion(t.db, w.leader, w.groupId, proposalId); // a double submit changes nothing
		const view = await getProposal(t.db, w.leader, w.groupId, proposalId);
		expect(view.proposal).toMatchObject({
			status: 'discussion',
			analysis: 'Тема актуалдуу; колдонмолорду биз даярдайбыз.'
		});
		expect(view.analyzedByName).toBe('Айгүл Өмүрбекова');
		expect(view.history.map((h) => h.to)).toEqual(['submitted', 'analyzed', 'discussion']);
		expect(view.can).toMatchObject({ analyze: true, discuss: false, return: true, openVote: true });
		expect(view.thread).toMatchObject({ isThreadOpen: true, canPost: true });
		// The author may still withdraw it while it is discussed.
		expect((await getProposal(t.db, w.member, w.groupId, proposalId)).can.withdraw).toBe(true);
	});

	it('the leader returns one with a reason; its author withdraws another; both are final', async () => {
		const returned = (await propose()).proposalId;
		expect(
			await issues(returnProposal(t.db, w.leader, w.groupId, returned, { reason: ' ' }))
		).toEqual(['reason:error_required']);
		await returnProposal(t.db, w.leader, w.groupId, returned, {
			reason: 'Мындай тема былтыр каралган.'
		});
		const view = await getProposal(t.db, w.member, w.groupId, returned);
		expect(view.proposal.status).toBe('returned');
		expect(view.history.at(-1)).toMatchObject({
			to: 'returned',
			reason: 'Мындай тема былтыр каралган.',
			actorName: 'Айгүл Өмүрбекова'
		});
		expect((await appError(withdrawProposal(t.db, w.member, w.groupId, returned))).code).toBe(
			'conflict'
		);
		expect(
			(await appError(analyzeProposal(t.db, w.leader, w.groupId, returned, { analysis: 'x' }))).code
		).toBe('conflict');

		const withdrawn = (await propose()).proposalId;
		expect((await appError(withdrawProposal(t.db, w.scientist, w.groupId, withdrawn))).code).toBe(
			'forbidden'
		);
		expect((await appError(withdrawProposal(t.db, w.leader, w.groupId, withdrawn))).code).toBe(
			'forbidden'
		);
		await withdrawProposal(t.db, w.member, w.groupId, withdrawn);
		await withdrawProposal(t.db, w.member, w.groupId, withdrawn);
		expect(
			(await getProposal(t.db, w.member, w.groupId, withdrawn)).history.map((h) => h.to)
		).toEqual(['submitted', 'withdrawn']);
		expect(
			(await appError(returnProposal(t.db, w.leader, w.groupId, withdrawn, { reason: 'Кеч' }))).code
		).toBe('conflict');
	});
});

describe('discussions: threads, replies, quotes, mentions, edits', () => {
	it('a proposal’s thread opens with the discussion; replies nest, quotes keep the words, mentions are found', async () => {
		const { proposalId } = await propose();
		const threadId = await proposalThreadId(t.db, w.member, w.groupId, proposalId);
		// Not yet in discussion: posting is refused as closed, not forbidden.
		expect(
			(await appError(addPost(t.db, w.member, w.groupId, threadId, { body: 'Эрте' }))).code
		).toBe('conflict');
		await analyzeProposal(t.db, w.leader, w.groupId, proposalId, { analysis: 'Макул' });
		await putToDiscussion(t.db, w.leader, w.groupId, proposalId);

		const first = await addPost(
			t.db,
			w.leader,
			w.groupId,
			threadId,
			{
				body: '@Нурлан Үсөнов, мисал келтире аласызбы? @Эсенгулов да пикир айтсын.'
			},
			new Date('2026-11-21T08:00:00Z')
		);
		const reply = await addPost(
			t.db,
			w.member,
			w.groupId,
			threadId,
			{
				body: 'Ооба, эртең жиберем.',
				quotedPostId: first.postId
			},
			new Date('2026-11-21T09:00:00Z')
		);
		await addPost(
			t.db,
			w.scientist,
			w.groupId,
			threadId,
			{ body: 'Макулмун.', parentId: reply.postId },
			new Date('2026-11-21T10:00:00Z')
		);
		expect(await issues(addPost(t.db, w.member, w.groupId, threadId, { body: '' }))).toEqual([
			'body:error_required'
		]);
		expect(
			await issues(addPost(t.db, w.member, w.groupId, threadId, { body: 'ы'.repeat(5001) }))
		).toEqual(['body:error_too_long']);
		expect(
			await issues(
				addPost(t.db, w.member, w.groupId, threadId, { body: 'Жооп', parentId: 'elsewhere' })
			)
		).toEqual(['body:error_choice']);
		expect(
			(await appError(addPost(t.db, w.admin, w.groupId, threadId, { body: 'Админ' }))).code
		).toBe('forbidden');
		expect(
			(await appError(addPost(t.db, w.staff, w.groupId, threadId, { body: 'Мен' }))).code
		).toBe('forbidden');
		expect(
			(await appError(addPost(t.db, w.otherTeacher, w.groupId, threadId, { body: 'Мен' }))).code
		).toBe('not_found');

		const mentioned = await t.db
			.selectFrom('postMentions')
			.select('userId')
			.where('postId', '=', first.postId)
			.execute();
		expect(mentioned.map((m) => m.userId).sort()).toEqual([w.member.id, w.scientist.id].sort());

		// The quoted post is edited afterwards: the quote keeps the words as they were.
		await editPost(
			t.db,
			w.leader,
			w.groupId,
			threadId,
			{ postId: first.postId, body: '@Айгүл — жок, @Нурлан Үсөнов гана.' },
			new Date('2026-11-21T11:00:00Z')
		);
		expect(
			(
				await appError(
					editPost(t.db, w.member, w.groupId, threadId, { postId: first.postId, body: 'Башка' })
				)
			).code
		).toBe('forbidden');
		expect(
			(
				await appError(
					editPost(t.db, w.member, w.groupId, threadId, { postId: 'nope', body: 'Башка' })
				)
			).code
		).toBe('not_found');
		const after = await t.db
			.selectFrom('postMentions')
			.select('userId')
			.where('postId', '=', first.postId)
			.execute();
		expect(after.map((m) => m.userId)).toEqual([w.member.id]);

		const thread = (await getProposal(t.db, w.member, w.groupId, proposalId)).thread;
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
		await withdrawProposal(t.db, w.member, w.groupId, proposalId);
		expect(
			(await appError(addPost(t.db, w.member, w.groupId, threadId, { body: 'Кеч' }))).code
		).toBe('conflict');
		expect(
			(
				await appError(
					editPost(t.db, w.member, w.groupId, threadId, { postId: answer!.id, body: 'Кеч' })
				)
			).code
		).toBe('conflict');
	});

	it('free-standing threads: members start them; the list shows them with their posts', async () => {
		const { threadId } = await startThread(t.db, w.scientist, w.groupId, {
			title: 'Ачык сабактар жумалыгы',
			body: 'Кайсы күндөр ыңгайлуу?'
		});
		await addPost(t.db, w.leader, w.groupId, threadId, { body: 'Шаршемби жана бейшемби.' });
		expect(await issues(startThread(t.db, w.member, w.groupId, { title: 'а', body: '' }))).toEqual([
			'title:error_too_short',
			'body:error_required'
		]);
		expect(
			(
				await appError(
					startThread(t.db, w.admin, w.groupId, { title: 'Админдин суроосу', body: 'Суроо' })
				)
			).code
		).toBe('forbidden');
		const view = await getThread(t.db, w.admin, w.groupId, threadId);
		expect(view).toMatchObject({
			title: 'Ачык сабактар жумалыгы',
			canPost: false,
			postCount: 2,
			proposalId: null
		});
		const { threads, canStart } = await listThreads(t.db, w.member, w.groupId);
		expect(canStart).toBe(true);
		expect(threads[0]).toMatchObject({ id: threadId, postCount: 2, proposalId: null });
		// A proposal not yet put to discussion has no thread to list.
		expect(
			threads.every((th) => th.proposalStatus !== 'submitted' && th.proposalStatus !== 'returned')
		).toBe(true);
		expect(threads.some((th) => th.proposalStatus === 'withdrawn' && th.postCount === 3)).toBe(
			true
		);
	});

	it('a closed group keeps everything readable and refuses every change (§3.6)', async () => {
		const { proposalId } = await propose();
		const { threadId } = await startThread(t.db, w.member, w.groupId, {
			title: 'Жабылганга чейин',
			body: 'Акыркы сөз'
		});
		await closeGroup(t.db, w.admin, w.groupId, { reason: 'Жыл бүттү' });
		expect((await appError(propose())).code).toBe('conflict');
		expect(
			(await appError(analyzeProposal(t.db, w.leader, w.groupId, proposalId, { analysis: 'x' })))
				.code
		).toBe('conflict');
		expect((await appError(withdrawProposal(t.db, w.member, w.groupId, proposalId))).code).toBe(
			'conflict'
		);
		expect((await appError(addPost(t.db, w.member, w.groupId, threadId, { body: 'x' }))).code).toBe(
			'conflict'
		);
		expect(
			(await appError(startThread(t.db, w.member, w.groupId, { title: 'Жаңы тема', body: 'x' })))
				.code
		).toBe('conflict');
		expect((await getThread(t.db, w.member, w.groupId, threadId)).postCount).toBe(1);
		expect((await getProposal(t.db, w.member, w.groupId, proposalId)).can.withdraw).toBe(false);
	});
});
