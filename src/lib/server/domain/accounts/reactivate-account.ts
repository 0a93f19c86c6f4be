import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { canChangeStatusOf } from './policy';
import { findUserById } from './queries';

/** Lets a deactivated account sign in again (with its old password). */
export async function reactivateAccount(
	db: DB,
	actor: Actor,
	userId: string,
	now = new Date()
): Promise<void> {
	const user = await findUserById(db, userId);
	if (!user || !canChangeStatusOf(actor, user)) throw new AppError('not_found', 'error_not_found');
	if (user.isActive) return;
	await db
		.updateTable('users')
		.set({ isActive: true, deactivatedAt: null, updatedAt: now })
		.where('id', '=', userId)
		.execute();
}
