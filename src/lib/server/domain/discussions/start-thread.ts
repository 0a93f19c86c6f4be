import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { assertAllowed, assertOpen } from '../group-access/access';
import { groupWorkAccess } from '../group-access/access';
import { addPost } from './add-post';
import { threadInput } from './input';
import { canStartThread } from './policy';

/** A free-standing discussion in the group, not tied to a proposal, with its first post. */
export async function startThread(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ threadId: string }> {
	const access = await groupWorkAccess(db, actor, groupId);
	assertAllowed(canStartThread(actor, access));
	assertOpen(access);
	const input = validate(threadInput, rawInput);
	const threadId = newId();
	await inTransaction(db, async (trx) => {
		await trx
			.insertInto('discussionThreads')
			.values({
				id: threadId,
				groupId,
				proposalId: null,
				title: input.title,
				authorId: actor.id,
				createdAt: now,
				lastPostAt: now
			})
			.execute();
		await addPost(trx, actor, groupId, threadId, { body: input.body }, now);
	});
	return { threadId };
}
