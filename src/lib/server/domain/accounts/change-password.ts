import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { changePasswordInput, type ChangePasswordInput } from './input';
import { hashPassword, verifyPassword } from './password';
import { endSessionsOf, findUserById } from './queries';

/** A new password, proven by the current one; other sessions of the account end. */
export async function changePassword(
	{ db, actor, now }: Ctx,
	input: ChangePasswordInput
): Promise<void> {
	const { currentPassword, newPassword } = validate(changePasswordInput, input);
	const user = await findUserById(db, actor.id);
	if (!user || !(await verifyPassword(user.passwordHash, currentPassword)))
		throw new AppError('invalid', 'error_wrong_password', { field: 'currentPassword' });
	const passwordHash = await hashPassword(newPassword);
	await db
		.updateTable('users')
		.set({ passwordHash, updatedAt: now })
		.where('id', '=', actor.id)
		.execute();
	await endSessionsOf(db, actor.id, input.currentSessionId);
}
