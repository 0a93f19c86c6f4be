import { z } from 'zod';
import type { MessageKey } from '../i18n/messages';
import { AppError } from './errors';

/** One field's problem, as a message key the web layer translates. */
export interface FieldIssue {
	field: string;
	key: MessageKey;
	params?: Record<string, string | number>;
}

/** Bad input: every field's problem at once, so the form can show them all. */
export class ValidationError extends AppError {
	readonly issues: FieldIssue[];

	constructor(issues: FieldIssue[]) {
		super('invalid', issues[0]?.key ?? 'error_invalid', { field: issues[0]?.field });
		this.name = 'ValidationError';
		this.issues = issues;
	}
}

/** Parses input with a schema; throws ValidationError with message keys on failure. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input, { reportInput: true });
	if (result.success) return result.data;
	const seen = new Set<string>();
	const issues: FieldIssue[] = [];
	for (const issue of result.error.issues) {
		const field = issue.path.map(String).join('.') || 'form';
		if (seen.has(field)) continue; // the first problem of a field is the one to fix
		seen.add(field);
		issues.push({ field, ...issueMessage(issue) });
	}
	throw new ValidationError(issues);
}

function issueMessage(issue: z.core.$ZodIssue): Omit<FieldIssue, 'field'> {
	switch (issue.code) {
		case 'invalid_type':
			return issue.expected === 'number' || issue.expected === 'int'
				? { key: 'error_number' }
				: { key: 'error_required' };
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'string')
				return min <= 1 || issue.input === ''
					? { key: 'error_required' }
					: { key: 'error_too_short', params: { min } };
			if (issue.origin === 'array') return { key: 'error_choose_at_least', params: { min } };
			return { key: 'error_number_min', params: { min } };
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'string') return { key: 'error_too_long', params: { max } };
			if (issue.origin === 'array') return { key: 'error_too_many', params: { max } };
			return { key: 'error_number_max', params: { max } };
		}
		case 'invalid_format':
			return issue.format === 'email' ? { key: 'error_email' } : { key: 'error_invalid' };
		case 'invalid_value':
			return { key: 'error_choice' };
		case 'custom':
			return { key: issue.message as MessageKey, params: issue.params };
		default:
			return { key: 'error_invalid' };
	}
}

// Schema pieces shared by the modules' input.ts files.

/** Required single-line text, trimmed. */
export const text = (max: number, min = 1) => z.string().trim().min(min).max(max);

/** Optional text: empty (or only spaces) becomes undefined. */
export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((v) => (v === '' ? undefined : v));

export const email = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());

/** A whole number within bounds. */
export const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);

/** A yes/no choice (a checkbox on a form): absent means no. */
export const flag = z.boolean().default(false);

/** Several values (checkboxes, a multiple choice): absent means none. */
export const list = <T extends z.ZodType>(item: T, max: number) =>
	z.array(item).max(max).default([]);

/** A calendar day as the date input sends it. */
export const day = z.string().trim().refine(isCalendarDay, 'error_date');

/** 'YYYY-MM-DD' naming a real day (not 2026-02-30). */
function isCalendarDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Long free text (a charter field, minutes): generous, but bounded. */
export const longText = (max = 4000) => z.string().trim().max(max).default('');
export const reason = text(500);
