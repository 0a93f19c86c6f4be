import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { assertAllowed } from '../group-access/access';
import { recordMentions } from './add-post';
import { editPostInput } from './input';
import { findMentions } from './mentions';
import { canEditPost } from './policy';
import { assertCanWrite, currentPeople, threadAccess } from './queries';

/** Its author corrects a post; it then shows as edited, with when. */
export async function editPost(
	db: DB,
	actor: Actor,
	groupId: string,
	threadId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	const access = await threadAccess(db, actor, groupId, threadId);
	const postId =
		typeof rawInput === 'object' && rawInput ? (rawInput as { postId?: unknown }).postId : null;
	const post = await db
		.selectFrom('discussionPosts')
		.select(['id', 'authorId', 'body'])
		.where('id', '=', typeof postId === 'string' ? postId : '')
		.where('threadId', '=', threadId)
		.executeTakeFirst();
	if (!post) throw new AppError('not_found', 'error_post_not_found');
	assertAllowed(post.authorId === actor.id);
	assertCanWrite((open) => canEditPost(actor, access, open, post.authorId), access);
	const input = validate(editPostInput, rawInput);
	if (input.body === post.body) return;
	const mentioned = findMentions(input.body, await currentPeople(db, groupId));
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('discussionPosts')
			.set({ body: input.body, editedAt: now })
			.where('id', '=', post.id)
			.execute();
		await recordMentions(
			trx,
			post.id,
			mentioned.map((m) => m.userId).filter((id) => id !== actor.id)
		);
	});
}
