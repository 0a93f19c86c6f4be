import { z } from 'zod';
import { email, many, optionalInt, text } from '../../validation';
import { locales } from '../../../i18n/locale';
import { passwordLimits } from './password';

// Inputs of the accounts use cases. Field names match the form fields.

export const password = z.string().min(passwordLimits.min).max(passwordLimits.max);
export const locale = z.enum(locales);
export const fullName = text(120, 2);
export const staffRole = z.enum(['teacher', 'admin']);
/** Where a request came from, kept with the session it opens. Not user data: not validated. */
export interface RequestMeta {
	ip?: string;
	userAgent?: string | null;
}

export const qualificationCategories = ['highest', 'first', 'second', 'none'] as const;

export const signInInput = z.object({
	email,
	// Not the new-password rules: an old, shorter password must still be checked.
	password: z.string().min(1).max(passwordLimits.max)
});

export const inviteStaffInput = z.object({ email, role: staffRole.default('teacher') });

export const acceptInvitationInput = z.object({ fullName, password, locale });

export const resetPasswordInput = z.object({ password });

export const forgotPasswordInput = z.object({ email });

export const changePasswordInput = z.object({
	currentPassword: z.string().min(1).max(passwordLimits.max),
	newPassword: password
});

export const changeRoleInput = z.object({ role: staffRole });

export const profileInput = z.object({
	fullName,
	subjects: many(z.string().max(64), 40),
	experienceYears: optionalInt(0, 60),
	qualificationCategory: z.preprocess(
		(v) => (v === '' ? undefined : v),
		z.enum(qualificationCategories).optional()
	),
	locale
});
