import { z } from 'zod';
import { email, list, text, wholeNumber } from '../../validation';
import { locales } from '../../../i18n/locale';
import { invitationId, schoolId, subjectId, userId } from '../ids';
import { passwordLimits, passwordProblem } from './password';

// Inputs of the accounts use cases. Field names match the form fields.

/**
 * A new password: long enough, and not common nor trivial. The person's own email is
 * checked by the use case, which knows it (assertNewPassword).
 */
export const password = z
	.string()
	.min(passwordLimits.min)
	.max(passwordLimits.max)
	.superRefine((value, ctx) => {
		const problem = passwordProblem(value);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	});
export const locale = z.enum(locales);
export const fullName = text(120, 2);
export const staffRole = z.enum(['teacher', 'admin']);

/** Where a request came from, kept with the session it opens. Not user data: not validated. */
export interface RequestMeta {
	ip?: string;
	userAgent?: string | null;
}

export const qualificationCategories = ['highest', 'first', 'second', 'none'] as const;

/** The secret of a one-time link (an invitation, a password reset), from its URL. */
const token = z.string();

export const signInInput = z.object({
	email,
	// Not the new-password rules: an old, shorter password must still be checked.
	password: z.string().min(1).max(passwordLimits.max)
});
/** The form's fields, and the client's address (throttled) and browser (kept with the session). */
export type SignInInput = z.input<typeof signInInput> & { ip: string; userAgent?: string | null };

export const inviteStaffInput = z.object({
	schoolId,
	email,
	role: staffRole.default('teacher')
});
export type InviteStaffInput = z.input<typeof inviteStaffInput>;

export const findOpenInvitationInput = z.object({ token });
export type FindOpenInvitationInput = z.input<typeof findOpenInvitationInput>;

export const acceptInvitationInput = z.object({ token, fullName, password, locale });
export type AcceptInvitationInput = z.input<typeof acceptInvitationInput> & RequestMeta;

export const revokeInvitationInput = z.object({ invitationId });
export type RevokeInvitationInput = z.input<typeof revokeInvitationInput>;

export const findOpenPasswordResetInput = z.object({ token });
export type FindOpenPasswordResetInput = z.input<typeof findOpenPasswordResetInput>;

export const resetPasswordInput = z.object({ token, password });
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;

export const requestPasswordResetInput = z.object({ email });
export type RequestPasswordResetInput = z.input<typeof requestPasswordResetInput>;

export const changePasswordInput = z.object({
	currentPassword: z.string().min(1).max(passwordLimits.max),
	newPassword: password
});
/** The form's fields, and the session the change is made in (it stays signed in). */
export type ChangePasswordInput = z.input<typeof changePasswordInput> & {
	currentSessionId: string;
};

/** One account of a school, as its admin (or an operator) acts on it. */
export const staffMemberInput = z.object({ userId });
export type StaffMemberInput = z.input<typeof staffMemberInput>;

export const changeStaffRoleInput = z.object({ userId, role: staffRole });
export type ChangeStaffRoleInput = z.input<typeof changeStaffRoleInput>;

export const listStaffInput = z.object({ schoolId });
export type ListStaffInput = z.input<typeof listStaffInput>;

export const updateProfileInput = z.object({
	fullName,
	subjects: list(subjectId, 40),
	experienceYears: wholeNumber(0, 60).optional(),
	qualificationCategory: z.enum(qualificationCategories).optional(),
	locale
});
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export const setLanguageInput = z.object({ locale });
export type SetLanguageInput = z.input<typeof setLanguageInput>;
