import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import type { Ctx } from '../context';
import type { GetThreadInput } from './input';
import { canEditPost, canPost } from './policy';
import { mentionParts, type Person, type PostPart } from './mentions';
import { currentPeople, groupPeople, threadAccess, type ThreadAccess } from './queries';

export interface PostNode {
	id: string;
	authorId: string;
	authorName: string;
	/** The author's photo (web/faces.ts faceOf), null without one. */
	authorPhotoKey: string | null;
	authorPhotoUpdatedAt: Date | null;
	body: string;
	/** The body in parts, mentions apart. */
	parts: PostPart[];
	quote: { text: string; authorName: string | null } | null;
	createdAt: Date;
	editedAt: Date | null;
	canEdit: boolean;
	replies: PostNode[];
}

export interface ThreadView {
	threadId: string;
	title: string;
	proposalId: string | null;
	isThreadOpen: boolean;
	canPost: boolean;
	posts: PostNode[];
	postCount: number;
	/** Current members, for the "@" hint under the form. */
	mentionable: Person[];
}

/** The thread's posts as a tree (replies under the post they answer), oldest first. */
export async function threadView(db: DB, actor: Actor, access: ThreadAccess): Promise<ThreadView> {
	const { thread } = access;
	const [rows, people, mentionable] = await Promise.all([
		db
			.selectFrom('discussionPosts as p')
			.innerJoin('users as u', 'u.id', 'p.authorId')
			.leftJoin('discussionPosts as q', 'q.id', 'p.quotedPostId')
			.leftJoin('users as qu', 'qu.id', 'q.authorId')
			.select([
				'p.id',
				'p.parentId',
				'p.authorId',
				'u.fullName as authorName',
				'u.photoKey as authorPhotoKey',
				'u.photoUpdatedAt as authorPhotoUpdatedAt',
				'p.body',
				'p.quote',
				'qu.fullName as quotedAuthorName',
				'p.createdAt',
				'p.editedAt'
			])
			.where('p.threadId', '=', thread.id)
			.orderBy('p.createdAt')
			.orderBy('p.id')
			.execute(),
		groupPeople(db, access.group.id),
		currentPeople(db, access.group.id)
	]);
	const nodes = new Map<string, PostNode>();
	for (const r of rows)
		nodes.set(r.id, {
			id: r.id,
			authorId: r.authorId,
			authorName: r.authorName,
			authorPhotoKey: r.authorPhotoKey,
			authorPhotoUpdatedAt: r.authorPhotoUpdatedAt,
			body: r.body,
			parts: mentionParts(r.body, people),
			quote: r.quote === null ? null : { text: r.quote, authorName: r.quotedAuthorName },
			createdAt: r.createdAt,
			editedAt: r.editedAt,
			canEdit: canEditPost(actor, access, access.isThreadOpen, r.authorId),
			replies: []
		});
	const roots: PostNode[] = [];
	for (const r of rows) {
		const parent = r.parentId ? nodes.get(r.parentId) : undefined;
		(parent ? parent.replies : roots).push(nodes.get(r.id)!);
	}
	return {
		threadId: thread.id,
		title: thread.title,
		proposalId: thread.proposalId,
		isThreadOpen: access.isThreadOpen,
		canPost: canPost(actor, access, access.isThreadOpen),
		posts: roots,
		postCount: rows.length,
		mentionable
	};
}

/** A free-standing thread's page. */
export async function getThread(
	{ db, actor }: Ctx,
	{ groupId, threadId }: GetThreadInput
): Promise<ThreadView & { canStart: boolean }> {
	const access = await threadAccess(db, actor, groupId, threadId);
	return { ...(await threadView(db, actor, access)), canStart: access.role !== null };
}
