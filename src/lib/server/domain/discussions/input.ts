import { z } from 'zod';
import { optionalText, text } from '../../validation';

/** Characters of a post, and of the words a reply quotes from another. */
export const MAX_POST_CHARS = 5000;
export const MAX_QUOTE_CHARS = 500;

export const postInput = z.object({
	body: text(MAX_POST_CHARS),
	parentId: optionalText(64),
	quotedPostId: optionalText(64)
});

export const editPostInput = z.object({
	postId: text(64),
	body: text(MAX_POST_CHARS)
});

export const threadInput = z.object({
	title: text(200, 3),
	body: text(MAX_POST_CHARS)
});
