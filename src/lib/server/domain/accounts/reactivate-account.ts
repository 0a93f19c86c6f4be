import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { staffMemberInput, type StaffMemberInput } from './input';
import { canChangeStatusOf } from './policy';
import { findUserById } from './queries';

/** Lets a deactivated account sign in again (with its old password). */
export async function reactivateAccount(
	{ db, actor, now }: Ctx,
	input: StaffMemberInput
): Promise<void> {
	const user = await findUserById(db, input.userId);
	if (!user || !canChangeStatusOf(actor, user)) throw new AppError('not_found', 'error_not_found');
	const { userId } = validate(staffMemberInput, input);
	if (user.isActive) return;
	await db
		.updateTable('users')
		.set({ isActive: true, deactivatedAt: null, updatedAt: now })
		.where('id', '=', userId)
		.execute();
}
