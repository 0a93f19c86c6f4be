import { z } from 'zod';
import type { Recommendation } from '../../db/types';
import { optionalInt, optionalText, text } from '../../validation';
import { longText } from '../../validation';

export const recommendations: Recommendation[] = ['accept', 'revise', 'reject'];

/** A score 1–5 from a radio group; nothing chosen asks for a choice. */
const score = z
	.preprocess(
		(v) => v ?? '',
		z.string().refine((v) => /^[1-5]$/.test(v), 'error_score')
	)
	.transform(Number);

/** The review form: a score 1–5 and a note per active criterion, a recommendation. */
export function reviewInput(criterionIds: string[]) {
	const scores = Object.fromEntries(
		criterionIds.flatMap((id) => [
			[`score_${id}`, score],
			[`note_${id}`, longText(1000)]
		])
	);
	return z.object({
		/** The version the form showed: a review never lands on a version nobody read. */
		version: optionalInt(0, 1_000_000),
		recommendation: z.enum(['accept', 'revise', 'reject']),
		comment: longText(4000),
		...scores
	});
}

/** The criteria form: each row's name and whether it is used, and one new criterion. */
export function criteriaInput(criterionIds: string[]) {
	const rows = Object.fromEntries(
		criterionIds.flatMap((id) => [
			[`name_${id}`, optionalText(200)],
			[`active_${id}`, z.preprocess((v) => v === 'on' || v === 'true', z.boolean())]
		])
	);
	return z.object({ newName: optionalText(200), ...rows });
}

export const criterionName = text(200, 3);
