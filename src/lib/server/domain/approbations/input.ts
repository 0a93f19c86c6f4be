import { z } from 'zod';
import type { ReceivedFile } from '../../files/receive';
import { day, longText, optionalText, text, wholeNumber } from '../../validation';
import {
	approbationClassId,
	approbationFileId,
	approbationId,
	groupId,
	materialId,
	proposalId,
	userId
} from '../ids';

// Limits, checked before any work: an approbation is a handful of classes, not a register.
export const MAX_CLASSES = 6;
export const MAX_INDICATORS = 10;
export const MAX_PUPILS = 60;
export const MAX_APPROBATION_FILES = 20;
export const MAX_REQUIRED_OBSERVATIONS = 5;

/** A form's answers as domain values (domain/forms/answers.ts decodes them from a form). */
export type ReportAnswers = Record<string, unknown>;

const count = z.number().int().min(0).max(MAX_PUPILS).optional();
const markKeys = ['fives', 'fours', 'threes', 'twos'] as const;

/** How many 5s, 4s, 3s and 2s: all four or none (left out: the class is not marked so). */
export const markCountsInput = z
	.object({ fives: count, fours: count, threes: count, twos: count })
	.superRefine((v, ctx) => {
		const given = markKeys.filter((k) => v[k] !== undefined);
		if (given.length === 0 || given.length === 4) return;
		for (const k of markKeys)
			if (v[k] === undefined)
				ctx.addIssue({ code: 'custom', message: 'approbation_error_counts_all', path: [k] });
	});

/** A custom indicator of a class: points, criteria, reading speed… with its unit. */
export const indicatorInput = z.object({
	name: text(100),
	unit: optionalText(20),
	before: z.number().min(-1e6).max(1e6),
	after: z.number().min(-1e6).max(1e6)
});

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A class it was tried in: aggregate figures only, no pupil is ever named. */
export const classInput = z
	.object({
		/** An existing class being edited (observations point at it). */
		id: approbationClassId.optional(),
		name: text(20),
		grade: wholeNumber(1, 12),
		pupils: wholeNumber(1, MAX_PUPILS),
		before: markCountsInput.optional(),
		after: markCountsInput.optional(),
		indicators: z.array(indicatorInput).max(MAX_INDICATORS).default([])
	})
	.superRefine((v, ctx) => {
		if (!isNumber(v.pupils)) return;
		for (const when of ['before', 'after'] as const) {
			const counts = v[when];
			if (!counts) continue;
			let sum = 0;
			for (const k of markKeys) {
				const n = counts[k];
				if (!isNumber(n)) continue;
				sum += n;
				if (n > v.pupils)
					ctx.addIssue({
						code: 'custom',
						message: 'approbation_error_count_over_pupils',
						path: [when, k],
						params: { pupils: v.pupils }
					});
			}
			if (sum > v.pupils)
				ctx.addIssue({
					code: 'custom',
					message: 'approbation_error_counts_sum',
					path: [when],
					params: { sum, pupils: v.pupils }
				});
		}
	});
export type ClassInput = z.input<typeof classInput>;

/** What the author types: the record of trying it, and the classes. */
const approbationShape = {
	title: text(200, 3),
	startsOn: day,
	endsOn: day,
	plan: longText(4000),
	observations: longText(4000),
	conclusion: longText(4000),
	classes: z.array(classInput).min(1).max(MAX_CLASSES)
};

/** The period reads forwards: it ends on or after the day it starts. */
function periodInOrder(v: { startsOn: unknown; endsOn: unknown }, ctx: z.RefinementCtx): void {
	if (typeof v.startsOn === 'string' && typeof v.endsOn === 'string' && v.endsOn < v.startsOn)
		ctx.addIssue({ code: 'custom', message: 'approbation_error_period', path: ['endsOn'] });
}

export const recordApprobationInput = z
	.object({
		groupId,
		materialId: materialId.optional(),
		proposalId: proposalId.optional(),
		...approbationShape
	})
	.superRefine(periodInOrder);
export type RecordApprobationInput = z.input<typeof recordApprobationInput> & {
	/** Answers to the group's approbation report form, when it has one. */
	report?: ReportAnswers;
};

export const updateApprobationInput = z
	.object({ groupId, approbationId, ...approbationShape })
	.superRefine(periodInOrder);
export type UpdateApprobationInput = z.input<typeof updateApprobationInput> & {
	report?: ReportAnswers;
};

export const ofApprobation = z.object({ groupId, approbationId });
export type OfApprobation = z.input<typeof ofApprobation>;

export const listApprobationsInput = z.object({ groupId });
export type ListApprobationsInput = z.input<typeof listApprobationsInput>;

/** What the new-approbation page starts from: a material or a proposal, or nothing chosen. */
export const newApprobationInput = z.object({
	groupId,
	materialId: materialId.optional(),
	proposalId: proposalId.optional()
});
export type NewApprobationInput = z.input<typeof newApprobationInput>;

/** The group's space for files (configuration MAX_GROUP_FILES_MB), given by the caller. */
export interface FileLimits {
	maxGroupBytes: number;
}
export type AttachApprobationFilesInput = OfApprobation & FileLimits & { files: ReceivedFile[] };

export const approbationFileInput = z.object({
	groupId,
	approbationId,
	fileId: approbationFileId
});
export type ApprobationFileInput = z.input<typeof approbationFileInput>;

/** A lesson observed (§5.4): which class, when, and what the observer concluded. */
export const observeLessonInput = z.object({
	groupId,
	approbationId,
	observedOn: day,
	classId: approbationClassId.optional(),
	/** Besides the sheet (which has its own conclusion): optional. */
	comments: longText(4000),
	conclusion: longText(4000)
});
export type ObserveLessonInput = z.input<typeof observeLessonInput> & {
	/** Answers to the group's observation sheet, when it has one. */
	sheet?: ReportAnswers;
	/** The actor's language: a default sheet adopted in this request is written in it. */
	locale?: 'ky' | 'ru' | 'en';
};

export const askToObserveInput = z.object({ groupId, approbationId, observerId: userId });
export type AskToObserveInput = z.input<typeof askToObserveInput>;

export const materialResultsInput = z.object({ groupId, materialId });
export type MaterialResultsInput = z.input<typeof materialResultsInput>;

export const groupResultsInput = z.object({ groupId });
export type GroupResultsInput = z.input<typeof groupResultsInput>;
