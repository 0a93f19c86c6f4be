import { AppError } from '../../errors';
import { validate } from '../../validation';
import { withDb, type AnonymousCtx } from '../context';
import { findOpenPasswordReset } from './find-password-reset';
import { resetPasswordInput, type ResetPasswordInput } from './input';
import { assertNewPassword, hashPassword } from './password';
import { endSessionsOf } from './queries';
import { recordSecurityEvent } from '../../security/events';
import { clearAccountFailures } from './throttle';

/**
 * Sets a new password through a one-time link; every session of the account ends. The person
 * signs in again afterwards; if an admin issued the link, those sessions do not see secret
 * choices (isPasswordFromAdminReset).
 */
export async function resetPassword(
	ctx: AnonymousCtx,
	input: ResetPasswordInput & { ip?: string | null }
): Promise<{ email: string }> {
	const { db, now } = ctx;
	const open = await findOpenPasswordReset(ctx, { token: input.token });
	const { token, password } = validate(resetPasswordInput, input);
	assertNewPassword(password, open.email);
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
		const row = await trx
			.selectFrom('passwordResets as r')
			.innerJoin('users as u', 'u.id', 'r.userId')
			.select(['r.issuedBy', 'u.schoolId'])
			.where('r.id', '=', reset.id)
			.executeTakeFirstOrThrow();
		// From now until the person sets a password through a link of their own, a secret
		// vote's choice is hidden from their sessions (accounts/admin-reset-mark.ts).
		await recordSecurityEvent(
			trx,
			{
				kind: 'reset_used',
				userId: reset.userId,
				actorId: null,
				schoolId: row.schoolId,
				ip: input.ip ?? null,
				detail: { isAdminIssued: row.issuedBy !== null }
			},
			now
		);
		return { email: reset.email };
	});
}
