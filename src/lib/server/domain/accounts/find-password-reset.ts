import { hashToken } from '../../db/ids';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { AnonymousCtx } from '../context';
import { findOpenPasswordResetInput, type FindOpenPasswordResetInput } from './input';

/**
 * The reset behind a link, if it still works (not used, revoked — by a newer link or the
 * person's own password change — nor expired); else a "gone" error.
 */
export async function findOpenPasswordReset(
	{ db, now }: AnonymousCtx,
	input: FindOpenPasswordResetInput
): Promise<{ id: string; userId: string; email: string }> {
	const { token } = validate(findOpenPasswordResetInput, input);
	const row = await db
		.selectFrom('passwordResets')
		.innerJoin('users', 'users.id', 'passwordResets.userId')
		.select([
			'passwordResets.id',
			'passwordResets.userId',
			'passwordResets.expiresAt',
			'passwordResets.usedAt',
			'passwordResets.revokedAt',
			'users.email',
			'users.isActive'
		])
		.where('passwordResets.tokenHash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.usedAt || row.revokedAt || row.expiresAt <= now || !row.isActive)
		throw new AppError('gone', 'error_reset_invalid');
	return { id: row.id, userId: row.userId, email: row.email };
}
