import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { notifyPost, recordMentions } from './add-post';
import { editPostInput, type EditPostInput } from './input';
import { findMentions } from './mentions';
import { canEditPost } from './policy';
import { assertCanWrite, currentPeople, threadAccess } from './queries';

/** Its author corrects a post; it then shows as edited, with when. */
export async function editPost({ db, actor, now }: Ctx, input: EditPostInput): Promise<void> {
	const access = await threadAccess(db, actor, input.groupId, input.threadId);
	const post = await db
		.selectFrom('discussionPosts')
		.select(['id', 'authorId', 'body'])
		// A form without the post's id (a broken client) names no post.
		.where('id', '=', typeof input.postId === 'string' ? input.postId : '')
		.where('threadId', '=', input.threadId)
		.executeTakeFirst();
	if (!post) throw new AppError('not_found', 'error_post_not_found');
	assertAllowed(post.authorId === actor.id);
	assertCanWrite((open) => canEditPost(actor, access, open, post.authorId), access);
	const { groupId, body } = validate(editPostInput, input);
	if (body === post.body) return;
	const mentioned = findMentions(body, await currentPeople(db, groupId));
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('discussionPosts')
			.set({ body, editedAt: now })
			.where('id', '=', post.id)
			.execute();
		const named = mentioned.map((m) => m.userId).filter((id) => id !== actor.id);
		await recordMentions(trx, post.id, named);
		// Someone newly named is told; those told of this post before are not told again.
		await notifyPost(
			{ db: trx, now, actor },
			{ groupId, threadId: input.threadId, title: access.thread.title, postId: post.id },
			named,
			null
		);
	});
}
