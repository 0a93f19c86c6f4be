import { z } from 'zod';
import { day, longText, text } from '../../validation';
import { formId, formVersionId, groupId, questionnaireId, responseId } from '../ids';
import { fieldKey, fieldTypes, formPurposes, FORM_LIMITS } from './fields';

export const formLocales = ['ky', 'ru', 'en'] as const;

export const adoptDefaultFormInput = z.object({
	groupId,
	purpose: z.enum(formPurposes),
	locale: z.enum(formLocales)
});
export type AdoptDefaultFormInput = z.input<typeof adoptDefaultFormInput>;

/** A form's title and description, as the leader types them. */
export const formDetails = z.object({
	title: text(200, 3),
	description: longText(2000)
});

export const createFormInput = formDetails.extend({ groupId, purpose: z.enum(formPurposes) });
export type CreateFormInput = z.input<typeof createFormInput>;

export const updateFormInput = formDetails.extend({ groupId, formId });
export type UpdateFormInput = z.input<typeof updateFormInput>;

export const archiveFormInput = z.object({ groupId, formId, archived: z.boolean().default(true) });
export type ArchiveFormInput = z.input<typeof archiveFormInput>;

const optionalNumber = z.number().refine(Number.isFinite, 'error_number').optional();

/**
 * One field as the builder's form sends it: options one per line, bounds as typed numbers.
 * Checked again as a whole by `formFields` when stored.
 */
export const fieldInput = z
	.object({
		type: z.enum(fieldTypes),
		label: text(FORM_LIMITS.label),
		help: longText(FORM_LIMITS.help),
		required: z.boolean().default(false),
		unit: z.string().trim().max(FORM_LIMITS.unit).default(''),
		min: optionalNumber,
		max: optionalNumber,
		decimals: z.number().int().min(0).max(4).default(0),
		scaleMax: z.union([z.literal(5), z.literal(10)]).default(5),
		minLabel: z.string().trim().max(FORM_LIMITS.scaleLabel).default(''),
		maxLabel: z.string().trim().max(FORM_LIMITS.scaleLabel).default(''),
		/** Choices, one per line. */
		options: z
			.string()
			.max(FORM_LIMITS.options * (FORM_LIMITS.option + 2))
			.default('')
	})
	.superRefine((f, ctx) => {
		if (f.min !== undefined && f.max !== undefined && f.min > f.max)
			ctx.addIssue({ code: 'custom', path: ['max'], message: 'forms_error_min_max' });
		if (f.type === 'single_choice' || f.type === 'multiple_choice') {
			const options = splitOptions(f.options);
			if (options.length < FORM_LIMITS.minOptions)
				ctx.addIssue({
					code: 'custom',
					path: ['options'],
					message: 'forms_error_options_few',
					params: { min: FORM_LIMITS.minOptions }
				});
			else if (options.length > FORM_LIMITS.options)
				ctx.addIssue({
					code: 'custom',
					path: ['options'],
					message: 'forms_error_options_many',
					params: { max: FORM_LIMITS.options }
				});
			else if (options.some((o) => o.length > FORM_LIMITS.option))
				ctx.addIssue({
					code: 'custom',
					path: ['options'],
					message: 'forms_error_option_long',
					params: { max: FORM_LIMITS.option }
				});
			else if (new Set(options).size !== options.length)
				ctx.addIssue({ code: 'custom', path: ['options'], message: 'forms_error_options_repeat' });
		}
	});

/** Choices typed one per line: blank lines dropped. */
export function splitOptions(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((o) => o.trim())
		.filter(Boolean);
}

/** Edits are made against a version the page showed: a stale page is told (409). */
const versionRef = { groupId, formId, versionId: formVersionId, revision: z.number().int() };

export const addFieldInput = fieldInput.safeExtend(versionRef);
export type AddFieldInput = z.input<typeof addFieldInput>;

export const updateFieldInput = fieldInput.safeExtend({ ...versionRef, key: fieldKey });
export type UpdateFieldInput = z.input<typeof updateFieldInput>;

export const removeFieldInput = z.object({ ...versionRef, key: fieldKey });
export type RemoveFieldInput = z.input<typeof removeFieldInput>;

export const moveFieldInput = z.object({
	...versionRef,
	key: fieldKey,
	direction: z.enum(['up', 'down'])
});
export type MoveFieldInput = z.input<typeof moveFieldInput>;

export const reorderFieldsInput = z.object({
	...versionRef,
	order: z.array(fieldKey).max(FORM_LIMITS.fields)
});
export type ReorderFieldsInput = z.input<typeof reorderFieldsInput>;

export const sendQuestionnaireInput = z.object({
	groupId,
	formId,
	title: text(200, 3),
	message: longText(2000),
	deadlineOn: day.optional(),
	/** The school's calendar day: a deadline before it is refused. */
	today: day
});
export type SendQuestionnaireInput = z.input<typeof sendQuestionnaireInput>;

export const questionnaireRef = z.object({ groupId, questionnaireId });
export type QuestionnaireRef = z.input<typeof questionnaireRef>;

export const setResultsSharedInput = questionnaireRef.extend({ shared: z.boolean() });
export type SetResultsSharedInput = z.input<typeof setResultsSharedInput>;

export const answerQuestionnaireInput = questionnaireRef.extend({
	/** The version and revision the page was filled from. */
	versionId: formVersionId,
	revision: z.number().int(),
	/** The posted form values (answer_<key>), decoded by answersFromForm. */
	values: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
	send: z.boolean(),
	today: day
});
export type AnswerQuestionnaireInput = z.input<typeof answerQuestionnaireInput>;

export const readResponseInput = questionnaireRef.extend({ responseId });
export type ReadResponseInput = z.input<typeof readResponseInput>;
