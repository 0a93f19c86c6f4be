import { z } from 'zod';
import { signInInput } from './input';
import { passwordLimits } from './password';
import type { TwoFactorSeal } from './two-factor-seal';

// Inputs of sign-in with its options, the second factor, and two-factor settings.

/** The sign-in form: email, password, and "this is a shared computer". */
export const signInFormInput = signInInput.extend({
	isSharedComputer: z.boolean().default(false)
});
/** The form's fields, and the client's address (throttled) and browser (kept with the session). */
export type SignInFormInput = z.input<typeof signInFormInput> & {
	ip: string;
	userAgent?: string | null;
};

/** A code from an authenticator app (6 digits) or a recovery code. */
const code = z.string().trim().min(1).max(40);

export const secondFactorInput = z.object({ code });
export type SecondFactorInput = z.input<typeof secondFactorInput> & {
	/** The challenge's token, from its cookie. */
	token: string;
	seal: TwoFactorSeal;
	ip: string;
	userAgent?: string | null;
};

export const confirmTwoFactorInput = z.object({ code });
export type ConfirmTwoFactorInput = z.input<typeof confirmTwoFactorInput> & { seal: TwoFactorSeal };

export const disableTwoFactorInput = z.object({
	password: z.string().min(1).max(passwordLimits.max),
	code
});
export type DisableTwoFactorInput = z.input<typeof disableTwoFactorInput> & {
	seal: TwoFactorSeal;
	ip?: string;
};

export const regenerateRecoveryCodesInput = z.object({ code });
export type RegenerateRecoveryCodesInput = z.input<typeof regenerateRecoveryCodesInput> & {
	seal: TwoFactorSeal;
};
