import { z } from 'zod';
import { day, email, longText, optionalText, reason, text } from '../../validation';

// Inputs of the groups use cases. Field names match the form fields.

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
