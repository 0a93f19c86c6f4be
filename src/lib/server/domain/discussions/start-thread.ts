import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import { withDb, type Ctx } from '../context';
import { assertAllowed, assertOpen, groupWorkAccess } from '../group-access/access';
import { asId, type ThreadId } from '../ids';
import { addPost } from './add-post';
import { startThreadInput, type StartThreadInput } from './input';
import { canStartThread } from './policy';

/** A free-standing discussion in the group, not tied to a proposal, with its first post. */
export async function startThread(
	ctx: Ctx,
	input: StartThreadInput
): Promise<{ threadId: ThreadId }> {
	const { db, actor, now } = ctx;
	const access = await groupWorkAccess(db, actor, input.groupId);
	assertAllowed(canStartThread(actor, access));
	assertOpen(access);
	const { groupId, title, body } = validate(startThreadInput, input);
	const threadId = asId<ThreadId>(newId());
	await inTransaction(db, async (trx) => {
		await trx
			.insertInto('discussionThreads')
			.values({
				id: threadId,
				groupId,
				proposalId: null,
				title,
				authorId: actor.id,
				createdAt: now,
				lastPostAt: now
			})
			.execute();
		// The first post is an ordinary post: addPost tells those it mentions (post.mentioned).
		await addPost(withDb(ctx, trx), { groupId, threadId, body });
	});
	return { threadId };
}
