import { z } from 'zod';
import { email } from '../../validation';
import { userId } from '../ids';
import { staffRole } from './input';
import { passwordLimits } from './password';

// Inputs of the admin and operator actions on other people's accounts (issue 16). Each one
// carries the actor's own password, typed again in the same form: a session left open on a
// shared computer is not enough to take an account over.

/** The actor's current password: any length it was set with, checked against their hash. */
export const confirmingPassword = z.string().min(1).max(passwordLimits.max);

/** One account acted on (reset link, deactivation, reactivation, operator rights). */
export const accountActionInput = z.object({ userId, password: confirmingPassword });
export type AccountActionInput = z.input<typeof accountActionInput>;

export const changeStaffRoleInput = z.object({
	userId,
	role: staffRole,
	password: confirmingPassword
});
export type ChangeStaffRoleInput = z.input<typeof changeStaffRoleInput>;

/** An operator grants operator rights to a school's staff account, found by its email. */
export const grantOperatorInput = z.object({ email, password: confirmingPassword });
export type GrantOperatorInput = z.input<typeof grantOperatorInput>;

/** Only the password: for an actor's change that names no account (deployment settings). */
export const passwordOnlyInput = z.object({ password: confirmingPassword });
