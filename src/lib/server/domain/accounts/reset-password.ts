import { AppError } from '../../errors';
import { validate } from '../../validation';
import { withDb, type AnonymousCtx } from '../context';
import { findOpenPasswordReset } from './find-password-reset';
import { resetPasswordInput, type ResetPasswordInput } from './input';
import { hashPassword } from './password';
import { endSessionsOf } from './queries';
import { clearAccountFailures } from './throttle';

/** Sets a new password through a one-time link; every session of the account ends. */
export async function resetPassword(
	ctx: AnonymousCtx,
	input: ResetPasswordInput
): Promise<{ email: string }> {
	const { db, now } = ctx;
	await findOpenPasswordReset(ctx, { token: input.token });
	const { token, password } = validate(resetPasswordInput, input);
	const passwordHash = await hashPassword(password);
	return db.transaction().execute(async (trx) => {
		const reset = await findOpenPasswordReset(withDb(ctx, trx), { token });
		const used = await trx
			.updateTable('passwordResets')
			.set({ usedAt: now })
			.where('id', '=', reset.id)
			.where('usedAt', 'is', null)
			.executeTakeFirst();
		if (Number(used.numUpdatedRows) !== 1) throw new AppError('gone', 'error_reset_invalid');
		await trx
			.updateTable('users')
			.set({ passwordHash, updatedAt: now })
			.where('id', '=', reset.userId)
			.execute();
		await endSessionsOf(trx, reset.userId);
		await clearAccountFailures(trx, reset.email);
		return { email: reset.email };
	});
}
