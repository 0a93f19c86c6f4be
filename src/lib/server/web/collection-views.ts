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
 * line, the rest is decoded by the schema.
 */
export function collectionFormInput<S extends z.ZodObject>(
	schema: S,
	values: Record<string, string | string[]>,
	ids: Partial<z.input<S>>
): z.input<S> {
	const reviewers = list(values.reviewers).flatMap((text) => text.split('\n'));
	return formInput(schema, values, { ...ids, reviewers } as Partial<z.input<S>>);
}
