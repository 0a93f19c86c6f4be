import { hashToken } from '../../db/ids';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';

/** The reset behind a link, if it still works; else a "gone" error. */
export async function findOpenPasswordReset(
	db: DB,
	token: string,
	now = new Date()
): Promise<{ id: string; userId: string; email: string }> {
	const row = await db
		.selectFrom('passwordResets')
		.innerJoin('users', 'users.id', 'passwordResets.userId')
		.select([
			'passwordResets.id',
			'passwordResets.userId',
			'passwordResets.expiresAt',
			'passwordResets.usedAt',
			'users.email',
			'users.isActive'
		])
		.where('passwordResets.tokenHash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.usedAt || row.expiresAt <= now || !row.isActive)
		throw new AppError('gone', 'error_reset_invalid');
	return { id: row.id, userId: row.userId, email: row.email };
}
