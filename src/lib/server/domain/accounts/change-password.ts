import { AppError } from '../../errors';
import type { DB } from '../../db/types';
import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { changePasswordInput, type ChangePasswordInput } from './input';
import { assertNewPassword, hashPassword, verifyPassword } from './password';
import { endSessionsOf, findUserById } from './queries';

/**
 * What follows any password change made by the person: links to set a password that are
 * still unused stop working (an admin-issued one must not outlive the person's own choice),
 * and every other session of the account ends. Exported for other ways of changing one's
 * own password.
 */
export async function afterOwnPasswordChange(
	db: DB,
	userId: string,
	currentSessionId: string | null,
	now: Date
): Promise<void> {
	await db
		.updateTable('passwordResets')
		.set({ revokedAt: now })
		.where('userId', '=', userId)
		.where('usedAt', 'is', null)
		.where('revokedAt', 'is', null)
		.execute();
	await endSessionsOf(db, userId, currentSessionId ?? undefined);
}

/** A new password, proven by the current one; other sessions and open reset links end. */
export async function changePassword(
	{ db, actor, now }: Ctx,
	input: ChangePasswordInput & { ip?: string | null }
): Promise<void> {
	const { currentPassword, newPassword } = validate(changePasswordInput, input);
	const user = await findUserById(db, actor.id);
	if (!user || !(await verifyPassword(user.passwordHash, currentPassword)))
		throw new AppError('invalid', 'error_wrong_password', { field: 'currentPassword' });
	assertNewPassword(newPassword, user.email, 'newPassword');
	const passwordHash = await hashPassword(newPassword);
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('users')
			.set({ passwordHash, updatedAt: now })
			.where('id', '=', actor.id)
			.execute();
		await afterOwnPasswordChange(trx, actor.id, input.currentSessionId, now);
		await recordSecurityEvent(
			trx,
			{ kind: 'password_changed', userId: actor.id, schoolId: user.schoolId, ip: input.ip },
			now
		);
	});
}
