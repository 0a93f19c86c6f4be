import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { regenerateRecoveryCodesInput, type RegenerateRecoveryCodesInput } from './input-signin';
import { findTwoFactor, replaceRecoveryCodes, totpStep, useTotpStep } from './two-factor';

/** Ten new recovery codes (the old ones stop working), shown once; a code from the app first. */
export async function regenerateRecoveryCodes(
	{ db, actor, now }: Ctx,
	input: RegenerateRecoveryCodesInput
): Promise<{ recoveryCodes: string[] }> {
	const { code } = validate(regenerateRecoveryCodesInput, input);
	const found = await findTwoFactor(db, input.seal, actor.id);
	if (!found?.confirmedAt) throw new AppError('conflict', 'signin_error_2fa_not_on');
	const step = found.secret ? totpStep(found.secret, code, now) : null;
	if (step === null || !(await useTotpStep(db, actor.id, step)))
		throw new AppError('invalid', 'signin_error_wrong_code', { field: 'code' });
	return inTransaction(db, async (trx) => ({
		recoveryCodes: await replaceRecoveryCodes(trx, actor.id, now)
	}));
}
