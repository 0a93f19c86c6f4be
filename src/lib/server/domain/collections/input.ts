import { z } from 'zod';
import { many, optionalText, text } from '../../validation';
import { longText } from '../../validation';

// Inputs of the collections use cases. Field names match the form fields.

export const MAX_COLLECTIONS = 50;
export const MAX_SECTIONS = 30;
export const MAX_ITEMS = 300;
export const MAX_EDITORS = 20;
export const MAX_REVIEWERS = 5;
export const MAX_REVIEWER_CHARS = 200;
/**
 * What one edition may hold, so a compile stays within memory: table rows in one material
 * (Typst needs ~90 MB per 1,000 rows) and the bodies' HTML of all materials together (the
 * 300-page bench is ~1.5 MB and peaks at ~700 MB).
 */
export const MAX_TABLE_ROWS = 2_000;
export const MAX_EDITION_CHARS = 4_000_000;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** One reviewer per line ("Б. Асанова, п.и.к., доцент"); blank lines are dropped. */
const reviewerLines = z.preprocess(
	(v) =>
		typeof v === 'string'
			? v
					.split('\n')
					.map((line) => line.trim())
					.filter(Boolean)
			: v,
	// Checked as a whole so the error is the field's (not line N's) and says what is wrong.
	z
		.array(z.string())
		.refine((lines) => lines.length <= MAX_REVIEWERS, {
			message: 'error_collection_reviewers',
			params: { max: MAX_REVIEWERS }
		})
		.refine((lines) => lines.every((line) => line.length <= MAX_REVIEWER_CHARS), {
			message: 'error_collection_reviewer_long',
			params: { max: MAX_REVIEWER_CHARS }
		})
);

const year = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
	z.number().int().min(MIN_YEAR).max(MAX_YEAR)
);

export const collectionInput = z.object({
	title: text(200, 3),
	subtitle: optionalText(300),
	year,
	language: z.enum(['ky', 'ru', 'en']),
	city: optionalText(100),
	approvalNote: optionalText(1000),
	preface: longText(20_000),
	reviewers: reviewerLines.default([]),
	/** Members chosen as editors besides the leader, in the order ticked. */
	editors: many(z.string().max(64), MAX_EDITORS)
});
export type CollectionInput = z.output<typeof collectionInput>;

export const sectionInput = z.object({
	title: text(200),
	intro: longText(4000)
});

export const itemInput = z.object({
	materialId: text(64),
	sectionId: text(64)
});

export const noteInput = z.object({ note: longText(2000) });

export const moveInput = z.object({ direction: z.enum(['up', 'down']) });

/** The order drag-and-drop produced: "sectionId:itemId" pairs, top to bottom. */
export const orderInput = z.object({
	order: many(z.string().regex(/^[0-9a-f-]{1,64}:[0-9a-f-]{1,64}$/), MAX_ITEMS)
});
