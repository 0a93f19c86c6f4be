import type { z } from 'zod';
import { list } from '../../forms';
import { safeFileName } from '../files/names';
import { formInput } from './form-input';

/** The download name of an edition's file: "Title — edition 2.pdf", safe for every system. */
export function editionFileName(title: string, number: number, ext: 'docx' | 'pdf'): string {
	return safeFileName(`${title.slice(0, 120)} (${number}).${ext}`);
}

/**
 * The title-page form (new or edit) as a use case's input: the reviewers are typed one per
 * line, the compilers' posts come as pairs of lists, the rest is decoded by the schema.
 */
export function collectionFormInput<S extends z.ZodObject>(
	schema: S,
	values: Record<string, string | string[]>,
	ids: Partial<z.input<S>>
): z.input<S> {
	const reviewers = list(values.reviewers).flatMap((text) => text.split('\n'));
	// Each compiler's post is a text field beside a hidden field naming whose it is.
	const people = list(values.postUser);
	const posts = list(values.post);
	const editorPosts = Object.fromEntries(people.map((id, i) => [id, posts[i] ?? '']));
	return formInput(schema, values, { ...ids, reviewers, editorPosts } as Partial<z.input<S>>);
}
