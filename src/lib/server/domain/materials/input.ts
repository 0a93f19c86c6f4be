import { z } from 'zod';
import { materialStatuses, materialTypes } from '../../db/types';
import { many, optionalInt, optionalText, text } from '../../validation';
import { longText } from '../../validation';

// Inputs of the materials use cases. Field names match the form fields.

export const MAX_TAGS = 15;
export const MAX_COAUTHORS = 20;
/** The body as sent by the editor, pasted pictures included (base64); the form takes 25 MB. */
export const MAX_BODY_CHARS = 24_000_000;
/** The body once its pictures are stored apart: text and markup. */
export const MAX_BODY_TEXT_CHARS = 2_000_000;

/** "лексика, 5-класс; оюн" → ['лексика', '5-класс', 'оюн']: commas or semicolons. */
const tags = z.preprocess(
	(v) =>
		typeof v === 'string'
			? [
					...new Set(
						v
							.split(/[,;\n]/)
							.map((t) => t.trim().replace(/^#/, ''))
							.filter(Boolean)
					)
				]
			: v,
	z.array(z.string().max(40)).max(MAX_TAGS)
);

export const materialInput = z.object({
	type: z.enum(materialTypes),
	title: text(200, 3),
	language: z.enum(['ky', 'ru', 'en']),
	abstract: longText(2000),
	body: z.string().max(MAX_BODY_CHARS).default(''),
	subjects: many(z.string().max(64), 10),
	grades: many(z.string(), 12)
		.refine((grades) => grades.every((g) => /^([1-9]|1[0-2])$/.test(g.trim())), 'error_choice')
		.transform((grades) => grades.map(Number)),
	tags,
	coauthors: many(z.string().max(64), MAX_COAUTHORS)
});
export type MaterialInput = z.output<typeof materialInput>;

/** Where the leader may move a material, and whether a reason is required (§3.3). */
export const decisionTargets = [
	'under_review',
	'revision_requested',
	'accepted',
	'archived'
] as const;
export type DecisionTarget = (typeof decisionTargets)[number];

export const decisionInput = z
	.object({
		to: z.enum(decisionTargets),
		/** The version the leader was looking at. */
		version: optionalInt(0, 1_000_000),
		reason: optionalText(2000)
	})
	.refine((d) => d.to === 'under_review' || (d.reason?.length ?? 0) >= 3, {
		message: 'error_reason_required',
		path: ['reason']
	});

export const commentInput = z.object({
	body: text(5000),
	parentId: optionalText(64)
});

export const listFilter = z.object({
	type: z.enum(materialTypes).optional().catch(undefined),
	subject: z.string().max(64).optional().catch(undefined),
	grade: z.coerce.number().int().min(1).max(12).optional().catch(undefined),
	status: z.enum(materialStatuses).optional().catch(undefined),
	author: z.string().max(64).optional().catch(undefined),
	sort: z.enum(['updated', 'title', 'offered']).default('updated').catch('updated')
});
export type ListFilter = z.output<typeof listFilter>;
