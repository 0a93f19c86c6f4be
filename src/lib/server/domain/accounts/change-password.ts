import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { changePasswordInput } from './input';
import { hashPassword, verifyPassword } from './password';
import { endSessionsOf, findUserById } from './queries';

/** A new password, proven by the current one; other sessions of the account end. */
export async function changePassword(
	db: DB,
	actor: Actor,
	currentSessionId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	const input = validate(changePasswordInput, rawInput);
	const user = await findUserById(db, actor.id);
	if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword)))
		throw new AppError('invalid', 'error_wrong_password', { field: 'currentPassword' });
	const passwordHash = await hashPassword(input.newPassword);
	await db
		.updateTable('users')
		.set({ passwordHash, updatedAt: now })
		.where('id', '=', actor.id)
		.execute();
	await endSessionsOf(db, actor.id, currentSessionId);
}
