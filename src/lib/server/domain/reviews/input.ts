import { z } from 'zod';
import type { Recommendation } from '../../db/types';
import { flag, longText, optionalText, text, wholeNumber } from '../../validation';
import { criterionId, groupId, materialId } from '../ids';

export const recommendations: Recommendation[] = ['accept', 'revise', 'reject'];

const isScore = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;

/** One criterion's judgement: a score 1–5 (nothing chosen asks for a choice) and a note. */
export const criterionScore = z.object({
	score: z.number().optional().pipe(z.custom<number>(isScore, 'error_score')),
	note: longText(1000)
});

export const saveReviewInput = z.object({
	groupId,
	materialId,
	/** The version the form showed: a review never lands on a version nobody read. */
	version: wholeNumber(0, 1_000_000).optional(),
	recommendation: z.enum(['accept', 'revise', 'reject']),
	comment: longText(4000),
	/** By criterion id: every active criterion of the group is scored (others are ignored). */
	scores: z.record(criterionId, criterionScore).default({})
});
export type SaveReviewInput = z.input<typeof saveReviewInput>;

/** The review as checked against the group's active criteria: each one needs its score. */
export function reviewFor(activeCriterionIds: string[]) {
	const scores = Object.fromEntries(
		activeCriterionIds.map((id) => [id, criterionScore.prefault({})])
	);
	return saveReviewInput.extend({ scores: z.object(scores).prefault({}) });
}

/** One row of the criteria form: its own name (blank: none) and whether it is used. */
export const criterionRow = z.object({ name: optionalText(200), isActive: flag });

export const setCriteriaInput = z.object({
	groupId,
	/** By criterion id; a criterion left out is no longer used and has no name of its own. */
	criteria: z.record(criterionId, criterionRow).default({}),
	/** A criterion of the group's own to add. */
	newName: optionalText(200)
});
export type SetCriteriaInput = z.input<typeof setCriteriaInput>;

export const getCriteriaInput = z.object({ groupId });
export type GetCriteriaInput = z.input<typeof getCriteriaInput>;

export const getReviewFormInput = z.object({ groupId, materialId });
export type GetReviewFormInput = z.input<typeof getReviewFormInput>;

export const criterionName = text(200, 3);
