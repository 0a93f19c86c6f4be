import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { confirmTwoFactorInput, type ConfirmTwoFactorInput } from './input-signin';
import { findTwoFactor, replaceRecoveryCodes, totpStep } from './two-factor';

/**
 * Ends the setup: the app shows the right code, so two-factor sign-in is on. Returns the
 * ten recovery codes, shown once (only their hashes are kept).
 */
export async function confirmTwoFactor(
	{ db, actor, now }: Ctx,
	input: ConfirmTwoFactorInput
): Promise<{ recoveryCodes: string[] }> {
	const { code } = validate(confirmTwoFactorInput, input);
	const found = await findTwoFactor(db, input.seal, actor.id);
	if (!found || found.confirmedAt) throw new AppError('conflict', 'signin_error_2fa_not_started');
	const step = found.secret ? totpStep(found.secret, code, now) : null;
	if (step === null) throw new AppError('invalid', 'signin_error_wrong_code', { field: 'code' });
	return inTransaction(db, async (trx) => {
		const done = await trx
			.updateTable('twoFactorSecrets')
			.set({ confirmedAt: now, lastUsedStep: step })
			.where('userId', '=', actor.id)
			.where('confirmedAt', 'is', null)
			.executeTakeFirst();
		if (Number(done.numUpdatedRows) !== 1)
			throw new AppError('conflict', 'signin_error_2fa_not_started');
		const recoveryCodes = await replaceRecoveryCodes(trx, actor.id, now);
		await recordSecurityEvent(
			trx,
			{ kind: 'two_factor_enabled', userId: actor.id, schoolId: actor.schoolId },
			now
		);
		return { recoveryCodes };
	});
}
