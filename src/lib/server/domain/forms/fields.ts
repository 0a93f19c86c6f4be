import { randomBytes } from 'node:crypto';
import { z } from 'zod';

// SHARED with domain/approbations: the field model of an information-collection form (§5.3),
// stored as JSON in form_versions.fields. Approbation reports and observation sheets are
// filled with these same fields; change the shape only together with that module.

export { formPurposes, type FormPurpose } from '../../db/types';

export const fieldTypes = [
	'short_text',
	'long_text',
	'number',
	'scale',
	'single_choice',
	'multiple_choice',
	'date',
	'file'
] as const;
export type FieldType = (typeof fieldTypes)[number];

/** Limits checked before any work: a form stays a form, not a spreadsheet. */
export const FORM_LIMITS = {
	fields: 60,
	label: 300,
	help: 500,
	options: 30,
	minOptions: 2,
	option: 200,
	unit: 40,
	scaleLabel: 100,
	/** Answers: a short text, a long text. */
	shortAnswer: 500,
	longAnswer: 5000,
	/** Files one file field takes. */
	filesPerField: 5,
	/** Cells one export may have (responses × columns), checked before the work. */
	exportCells: 250_000
} as const;

/** A short stable id: answers are stored by it, so they survive reordering and relabelling. */
export const fieldKey = z.string().regex(/^[A-Za-z0-9_-]{1,24}$/);

export function newFieldKey(): string {
	// 8 URL-safe characters; a form has at most 60 fields, a clash is practically impossible
	// and is refused by the schema anyway (unique keys).
	return randomBytes(6).toString('base64url');
}

const base = {
	key: fieldKey,
	label: z.string().trim().min(1).max(FORM_LIMITS.label),
	help: z.string().trim().max(FORM_LIMITS.help).default(''),
	required: z.boolean().default(false)
};

const finite = z.number().refine(Number.isFinite, 'error_number');

const numberField = z
	.object({
		...base,
		type: z.literal('number'),
		unit: z.string().trim().max(FORM_LIMITS.unit).default(''),
		min: finite.nullable().default(null),
		max: finite.nullable().default(null),
		decimals: z.number().int().min(0).max(4).default(0)
	})
	.refine((f) => f.min === null || f.max === null || f.min <= f.max, {
		message: 'forms_error_min_max',
		path: ['max']
	});

const scaleField = z.object({
	...base,
	type: z.literal('scale'),
	scaleMax: z.union([z.literal(5), z.literal(10)]).default(5),
	minLabel: z.string().trim().max(FORM_LIMITS.scaleLabel).default(''),
	maxLabel: z.string().trim().max(FORM_LIMITS.scaleLabel).default('')
});

const options = z
	.array(z.string().trim().min(1).max(FORM_LIMITS.option))
	.min(FORM_LIMITS.minOptions)
	.max(FORM_LIMITS.options)
	.refine((list) => new Set(list).size === list.length, 'forms_error_options_repeat');

const choiceField = (type: 'single_choice' | 'multiple_choice') =>
	z.object({ ...base, type: z.literal(type), options });

const plainField = (type: 'short_text' | 'long_text' | 'date' | 'file') =>
	z.object({ ...base, type: z.literal(type) });

export const formField = z.discriminatedUnion('type', [
	plainField('short_text'),
	plainField('long_text'),
	numberField,
	scaleField,
	choiceField('single_choice'),
	choiceField('multiple_choice'),
	plainField('date'),
	plainField('file')
]);

export type FormField = z.output<typeof formField>;
export type FormFieldInput = z.input<typeof formField>;
export type NumberField = Extract<FormField, { type: 'number' }>;
export type ScaleField = Extract<FormField, { type: 'scale' }>;
export type ChoiceField = Extract<FormField, { type: 'single_choice' | 'multiple_choice' }>;

/** A form's fields in order: at most FORM_LIMITS.fields, keys unique. */
export const formFields = z
	.array(formField)
	.max(FORM_LIMITS.fields)
	.refine((list) => new Set(list.map((f) => f.key)).size === list.length, 'forms_error_keys');

/** The fields stored in a form version (written by this module, so a bad row is a bug). */
export function parseFields(json: string): FormField[] {
	return formFields.parse(JSON.parse(json));
}

export function serializeFields(fields: FormField[]): string {
	return JSON.stringify(formFields.parse(fields));
}
