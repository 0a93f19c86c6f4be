import { z } from 'zod';
import { flag, wholeNumber } from '../../validation';
import { confirmingPassword } from '../accounts/input-admin';
import { secretVoteMinBallotsRange } from './security-settings';

// The deployment's security settings as the operator's form sends them (issue 16).

export const updateSecuritySettingsInput = z.object({
	secretVoteMinBallots: wholeNumber(secretVoteMinBallotsRange.min, secretVoteMinBallotsRange.max),
	isTwoFactorRequired: flag,
	password: confirmingPassword
});
export type UpdateSecuritySettingsInput = z.input<typeof updateSecuritySettingsInput>;
