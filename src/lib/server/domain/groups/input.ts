import { z } from 'zod';
import { email, optionalText, text } from '../../validation';

// Inputs of the groups use cases. Field names match the form fields.

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

export const charterFields = [
	'name',
	'theme',
	'problem',
	'goals',
	'expectedResults',
	'strategy',
	'formsOfWork'
] as const;
export type CharterField = (typeof charterFields)[number];
export type Charter = Record<CharterField, string>;

export const charterInput = z.object({
	name: text(120, 3),
	theme: text(300, 3),
	problem: longText(),
	goals: longText(),
	expectedResults: longText(),
	strategy: longText(),
	formsOfWork: longText()
});

export const createGroupInput = charterInput.extend({
	startedOn: day,
	leaderId: z.string().min(1).max(64)
});

export const changeLeaderInput = z.object({ leaderId: z.string().min(1).max(64), reason });

export const joinRequestInput = z.object({ message: text(500) });

export const decideInput = z.object({
	requestId: z.string().min(1).max(64),
	decision: z.enum(['accept', 'decline']),
	response: optionalText(500)
});

export const inviteTeacherInput = z.object({
	userId: z.string().min(1).max(64),
	message: optionalText(500)
});

export const inviteExternalInput = z.object({
	email,
	role: z.enum(['scientist', 'consultant']),
	message: optionalText(500)
});

export const respondInput = z.object({
	requestId: z.string().min(1).max(64),
	decision: z.enum(['accept', 'decline'])
});

export const settingsInput = z.object({
	isExternalVoteAllowed: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())
});

export const closeInput = z.object({ reason });
