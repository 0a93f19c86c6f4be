import { z } from 'zod';
import { text } from '../../validation';
import { groupId, postId, threadId } from '../ids';

/** Characters of a post, and of the words a reply quotes from another. */
export const MAX_POST_CHARS = 5000;
export const MAX_QUOTE_CHARS = 500;

// One schema per use case, ids included. A use case whose input is only ids does not
// validate it again: an id that names nothing is "not found" when it is looked up.

const ofThread = { groupId, threadId };

export const addPostInput = z.object({
	...ofThread,
	body: text(MAX_POST_CHARS),
	/** The post this one answers: it nests under it. */
	parentId: postId.optional(),
	/** The post this one quotes: its first words are kept as they are now. */
	quotedPostId: postId.optional()
});
export type AddPostInput = z.input<typeof addPostInput>;

export const editPostInput = z.object({
	...ofThread,
	postId,
	body: text(MAX_POST_CHARS)
});
export type EditPostInput = z.input<typeof editPostInput>;

export const startThreadInput = z.object({
	groupId,
	title: text(200, 3),
	body: text(MAX_POST_CHARS)
});
export type StartThreadInput = z.input<typeof startThreadInput>;

export const getThreadInput = z.object(ofThread);
export type GetThreadInput = z.input<typeof getThreadInput>;

export const listThreadsInput = z.object({ groupId });
export type ListThreadsInput = z.input<typeof listThreadsInput>;
