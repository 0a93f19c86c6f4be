import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { disableTwoFactorInput, type DisableTwoFactorInput } from './input-signin';
import { verifyPassword } from './password';
import { findUserById } from './queries';
import { attemptSucceeded, beginAttempt } from './throttle';
import { checkSecondFactor, hasTwoFactor } from './two-factor';

/**
 * Turns two-factor sign-in off: the password and a code (or a recovery code), so a session
 * left open is not enough. Both count against the sign-in limit, like a sign-in.
 */
export async function disableTwoFactor(
	{ db, actor, now }: Ctx,
	input: DisableTwoFactorInput
): Promise<void> {
	const { password, code } = validate(disableTwoFactorInput, input);
	if (!(await hasTwoFactor(db, actor.id)))
		throw new AppError('conflict', 'signin_error_2fa_not_on');
	const ip = input.ip ?? 'unknown';
	const attempt = await beginAttempt(db, actor.email, ip, now);
	const who = { userId: actor.id, schoolId: actor.schoolId, ip };
	const user = await findUserById(db, actor.id);
	if (!user || !(await verifyPassword(user.passwordHash, password)))
		throw new AppError('invalid', 'error_wrong_password', { field: 'password' });
	if (!(await checkSecondFactor(db, input.seal, actor.id, code, now))) {
		await recordSecurityEvent(db, { kind: 'two_factor_failed', ...who }, now);
		throw new AppError('invalid', 'signin_error_wrong_code', { field: 'code' });
	}
	await attemptSucceeded(db, attempt);
	await inTransaction(db, async (trx) => {
		await trx.deleteFrom('twoFactorSecrets').where('userId', '=', actor.id).execute();
		await trx.deleteFrom('recoveryCodes').where('userId', '=', actor.id).execute();
		await recordSecurityEvent(trx, { kind: 'two_factor_disabled', ...who }, now);
	});
}
