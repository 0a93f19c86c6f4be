import type { MessageKey } from '../../../i18n/messages';
import { ValidationError, type FieldIssue } from '../../validation';
import { FORM_LIMITS, type FormField } from './fields';

// SHARED with domain/approbations: answers to a form version, stored as JSON in
// form_responses.answers ({ [field key]: answer }). Approbation reports and observation sheets
// decode and check their answers here too; change the shape only together with that module.

/**
 * One field's answer: text, a date ('YYYY-MM-DD') or a single choice as a string; a number or
 * a scale point as a number; a multiple choice as the chosen options; a file field as the ids
 * of its form_response_files rows; null when not answered. A number typed wrongly stays the
 * string typed until checkAnswers refuses it, so the page shows it back.
 */
export type AnswerValue = string | number | string[] | null;
export type Answers = Record<string, AnswerValue>;

/** The form field a field's answer is posted under. */
export function answerFieldName(key: string): string {
	return `answer_${key}`;
}

const NUMBER = /^-?\d+([.,]\d+)?$/;

/** '12,5' or '1 200' as typed in Kyrgyzstan: the number, or the text itself when it is none. */
function parseNumber(typed: string): number | string | null {
	const text = typed.replace(/[\s\u00a0\u202f]/g, '');
	if (text === '') return null;
	if (!NUMBER.test(text)) return typed.trim();
	return Number(text.replace(',', '.'));
}

function first(value: string | string[] | undefined): string {
	if (Array.isArray(value)) return value[0] ?? '';
	return value ?? '';
}

/**
 * The answers posted by FormFill (fields named `answer_<key>`; a multiple choice repeats its
 * name). File fields are not in a form's text values: the caller sets them (the ids of the
 * files already kept and just uploaded) before checkAnswers.
 */
export function answersFromForm(
	fields: FormField[],
	values: Record<string, string | string[]>
): Answers {
	const answers: Answers = {};
	for (const field of fields) {
		const posted = values[answerFieldName(field.key)];
		switch (field.type) {
			case 'number':
			case 'scale':
				answers[field.key] = parseNumber(first(posted));
				break;
			case 'multiple_choice': {
				const chosen = (Array.isArray(posted) ? posted : posted ? [posted] : []).filter(Boolean);
				answers[field.key] = chosen.length > 0 ? chosen : null;
				break;
			}
			case 'file':
				break;
			default: {
				const text = first(posted).trim();
				answers[field.key] = text === '' ? null : text;
			}
		}
	}
	return answers;
}

function isCalendarDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isEmpty(value: AnswerValue | undefined): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

type Check = { value: AnswerValue } | { issue: MessageKey; params?: Record<string, number> };

function checkOne(field: FormField, value: Exclude<AnswerValue, null>): Check {
	switch (field.type) {
		case 'short_text':
		case 'long_text': {
			if (typeof value !== 'string') return { issue: 'error_invalid' };
			const max = field.type === 'short_text' ? FORM_LIMITS.shortAnswer : FORM_LIMITS.longAnswer;
			const text = value.trim();
			if (text.length > max) return { issue: 'error_too_long', params: { max } };
			return { value: text };
		}
		case 'number': {
			const number = typeof value === 'string' ? parseNumber(value) : value;
			if (typeof number !== 'number' || !Number.isFinite(number)) return { issue: 'error_number' };
			if (field.min !== null && number < field.min)
				return { issue: 'error_number_min', params: { min: field.min } };
			if (field.max !== null && number > field.max)
				return { issue: 'error_number_max', params: { max: field.max } };
			if (Number(number.toFixed(field.decimals)) !== number)
				return field.decimals === 0
					? { issue: 'forms_error_whole_number' }
					: { issue: 'forms_error_decimals', params: { decimals: field.decimals } };
			return { value: number };
		}
		case 'scale': {
			const point = typeof value === 'string' ? parseNumber(value) : value;
			if (
				typeof point !== 'number' ||
				!Number.isInteger(point) ||
				point < 1 ||
				point > field.scaleMax
			)
				return { issue: 'forms_error_scale', params: { max: field.scaleMax } };
			return { value: point };
		}
		case 'single_choice':
			if (typeof value !== 'string' || !field.options.includes(value))
				return { issue: 'error_choice' };
			return { value };
		case 'multiple_choice': {
			const chosen = Array.isArray(value) ? value : [value];
			if (chosen.some((v) => typeof v !== 'string' || !field.options.includes(v)))
				return { issue: 'error_choice' };
			// In the form's order, each once: the summary counts them the same way.
			return { value: field.options.filter((o) => chosen.includes(o)) };
		}
		case 'date':
			if (typeof value !== 'string' || !isCalendarDay(value)) return { issue: 'error_date' };
			return { value };
		case 'file': {
			const ids = Array.isArray(value) ? value : [value];
			if (ids.some((v) => typeof v !== 'string')) return { issue: 'error_invalid' };
			if (ids.length > FORM_LIMITS.filesPerField)
				return { issue: 'error_too_many_files', params: { max: FORM_LIMITS.filesPerField } };
			return { value: ids as string[] };
		}
	}
}

/**
 * Checks answers against the fields and returns them normalized (only the form's fields, in
 * its terms: numbers as numbers, choices in the form's order, blanks as null). Required fields
 * are enforced only when `complete` (sending; a draft saved to finish later may lack them).
 * Throws ValidationError with one issue per field, on `answer_<key>`.
 */
export function checkAnswers(
	fields: FormField[],
	answers: Answers,
	{ complete }: { complete: boolean }
): Answers {
	const checked: Answers = {};
	const issues: FieldIssue[] = [];
	for (const field of fields) {
		const value = answers[field.key];
		if (isEmpty(value)) {
			checked[field.key] = null;
			if (complete && field.required)
				issues.push({
					field: answerFieldName(field.key),
					key: field.type === 'file' ? 'error_file_required' : 'error_required'
				});
			continue;
		}
		const result = checkOne(field, value as Exclude<AnswerValue, null>);
		if ('issue' in result)
			issues.push({ field: answerFieldName(field.key), key: result.issue, params: result.params });
		else checked[field.key] = result.value;
	}
	if (issues.length > 0) throw new ValidationError(issues);
	return checked;
}

/** Stored answers, as read back (a missing or unreadable row reads as no answers). */
export function parseAnswers(json: string): Answers {
	try {
		const value: unknown = JSON.parse(json);
		return value !== null && typeof value === 'object' && !Array.isArray(value)
			? (value as Answers)
			: {};
	} catch {
		return {};
	}
}

/** Saved answers as form values (`answer_<key>`), to fill FormFill again. */
export function answersToValues(
	fields: FormField[],
	answers: Answers
): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const field of fields) {
		const value = answers[field.key];
		if (value === null || value === undefined || field.type === 'file') continue;
		values[answerFieldName(field.key)] = Array.isArray(value) ? value : String(value);
	}
	return values;
}
