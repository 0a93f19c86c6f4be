import { z } from 'zod';
import {
	day,
	email,
	flag,
	longText,
	optionalText,
	reason,
	text,
	wholeNumber
} from '../../validation';
import { groupId, requestId, schoolId, userId } from '../ids';
import type { BallotSeal } from '../votes/seal';

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

/** The charter's fields, as the leader writes them. */
export const charterInput = z.object({
	name: text(120, 3),
	theme: text(300, 3),
	problem: longText(),
	goals: longText(),
	expectedResults: longText(),
	strategy: longText(),
	formsOfWork: longText()
});

/** A use case that reads (or acts on) one group, with nothing else to say. */
export const groupInput = z.object({ groupId });
export type GroupInput = z.input<typeof groupInput>;

export const groupFilters = ['active', 'closed', 'mine', 'all'] as const;
export type GroupFilter = (typeof groupFilters)[number];

export const listGroupsInput = z.object({ filter: z.enum(groupFilters).default('active') });
export type ListGroupsInput = z.input<typeof listGroupsInput>;

export const createGroupInput = charterInput.extend({
	/** The administration's own school. */
	schoolId,
	startedOn: day,
	/** A teacher (or admin) of the school, chosen on the form. */
	leaderId: userId.min(1)
});
export type CreateGroupInput = z.input<typeof createGroupInput>;

export const editCharterInput = charterInput.extend({ groupId });
export type EditCharterInput = z.input<typeof editCharterInput>;

export const changeLeaderInput = z.object({ groupId, leaderId: userId.min(1), reason });
export type ChangeLeaderInput = z.input<typeof changeLeaderInput>;

export const requestToJoinInput = z.object({ groupId, message: text(500) });
export type RequestToJoinInput = z.input<typeof requestToJoinInput>;

export const decideRequestInput = z.object({
	groupId,
	requestId: requestId.min(1),
	decision: z.enum(['accept', 'decline']),
	response: optionalText(500)
});
export type DecideRequestInput = z.input<typeof decideRequestInput>;

export const inviteTeacherInput = z.object({
	groupId,
	userId: userId.min(1),
	message: optionalText(500)
});
export type InviteTeacherInput = z.input<typeof inviteTeacherInput>;

export const inviteExternalInput = z.object({
	groupId,
	email,
	role: z.enum(['scientist', 'consultant']),
	message: optionalText(500)
});
export type InviteExternalInput = z.input<typeof inviteExternalInput>;

export const respondToInvitationInput = z.object({
	groupId,
	requestId: requestId.min(1),
	decision: z.enum(['accept', 'decline'])
});
export type RespondToInvitationInput = z.input<typeof respondToInvitationInput>;

export const withdrawRequestInput = z.object({ groupId, requestId });
export type WithdrawRequestInput = z.input<typeof withdrawRequestInput>;

export const updateSettingsInput = z.object({
	groupId,
	isExternalVoteAllowed: flag,
	/** §5.4: observations that make an approbation's results confirmed; left out: unchanged. */
	requiredObservations: wholeNumber(1, 5).optional()
});
export type UpdateSettingsInput = z.input<typeof updateSettingsInput>;

export const closeGroupInput = z.object({ groupId, reason });
export type CloseGroupInput = z.input<typeof closeGroupInput> & {
	/**
	 * Opens the secret ballots of the votes the closing counts (the deployment's ballot key,
	 * secrets.ts). None: a group with a secret vote open cannot be closed.
	 */
	seal?: BallotSeal;
};
