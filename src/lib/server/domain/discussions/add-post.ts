import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { links, notify, type NotifyCtx } from '../../notify';
import { validate, ValidationError } from '../../validation';
import type { Ctx } from '../context';
import { asId, type PostId } from '../ids';
import { addPostInput, MAX_QUOTE_CHARS, type AddPostInput } from './input';
import { findMentions } from './mentions';
import { canPost } from './policy';
import { assertCanWrite, currentPeople, threadAccess } from './queries';

/**
 * A post in a discussion (§3.3): a reply nests under the post it answers; a quote keeps the
 * quoted words as they were; members named with "@" are recorded as mentioned (one's own
 * name is not a mention).
 */
export async function addPost(
	{ db, actor, now }: Ctx,
	input: AddPostInput
): Promise<{ postId: PostId }> {
	const access = await threadAccess(db, actor, input.groupId, input.threadId);
	assertCanWrite((open) => canPost(actor, access, open), access);
	const { groupId, threadId, body, parentId, quotedPostId } = validate(addPostInput, input);
	const inThread = async (postId: string | undefined) => {
		if (!postId) return null;
		const post = await db
			.selectFrom('discussionPosts')
			.select(['id', 'body', 'authorId'])
			.where('id', '=', postId)
			.where('threadId', '=', threadId)
			.executeTakeFirst();
		if (!post) throw new ValidationError([{ field: 'body', key: 'error_choice' }]);
		return post;
	};
	const parent = await inThread(parentId);
	const quoted = await inThread(quotedPostId);
	const people = await currentPeople(db, groupId);
	const mentioned = findMentions(body, people).map((m) => m.userId);
	const postId = asId<PostId>(newId());
	await inTransaction(db, async (trx) => {
		await trx
			.insertInto('discussionPosts')
			.values({
				id: postId,
				threadId,
				parentId: parent?.id ?? quoted?.id ?? null,
				authorId: actor.id,
				body,
				quotedPostId: quoted?.id ?? null,
				quote: quoted ? excerpt(quoted.body) : null,
				createdAt: now,
				editedAt: null
			})
			.execute();
		await recordMentions(
			trx,
			postId,
			mentioned.filter((id) => id !== actor.id)
		);
		await trx
			.updateTable('discussionThreads')
			.set({ lastPostAt: now })
			.where('id', '=', threadId)
			.execute();
		const answered = parent?.authorId ?? quoted?.authorId;
		await notifyPost(
			{ db: trx, now, actor },
			{ groupId, threadId, title: access.thread.title, postId },
			mentioned,
			// The one answered is told, if still in the group and not mentioned already.
			answered && people.some((p) => p.id === answered) ? answered : null
		);
	});
	return { postId };
}

/** The first words of a post, for a quote. */
export function excerpt(body: string): string {
	const text = body.trim();
	return text.length <= MAX_QUOTE_CHARS ? text : `${text.slice(0, MAX_QUOTE_CHARS - 1).trimEnd()}…`;
}

export async function recordMentions(trx: DB, postId: string, userIds: string[]): Promise<void> {
	await trx.deleteFrom('postMentions').where('postId', '=', postId).execute();
	const unique = [...new Set(userIds)];
	if (unique.length > 0)
		await trx
			.insertInto('postMentions')
			.values(unique.map((userId) => ({ postId, userId })))
			.execute();
}

/**
 * Tells those a post mentions, and the author of the post it answers. The post's id names
 * the event: a mention added by an edit reaches only those not told before.
 */
export async function notifyPost(
	ctx: NotifyCtx,
	post: { groupId: string; threadId: string; title: string; postId: string },
	mentioned: string[],
	answered: string | null
): Promise<void> {
	const event = {
		key: post.postId,
		groupId: post.groupId,
		subject: post.title,
		link: links.thread(post.groupId, post.threadId, post.postId)
	};
	if (mentioned.length > 0)
		await notify(ctx, { ...event, kind: 'post.mentioned', userIds: mentioned });
	if (answered && !mentioned.includes(answered))
		await notify(ctx, { ...event, kind: 'post.replied', userIds: [answered] });
}
