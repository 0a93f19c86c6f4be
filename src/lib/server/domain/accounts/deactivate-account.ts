import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { staffMemberInput, type StaffMemberInput } from './input';
import { canChangeStatusOf } from './policy';
import { countActiveAdmins, endSessionsOf, findUserById } from './queries';

/**
 * Blocks an account: it can no longer sign in and its sessions end now. Nothing it wrote is
 * deleted. A school always keeps at least one active admin.
 */
export async function deactivateAccount(
	{ db, actor, now }: Ctx,
	input: StaffMemberInput
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const user = await findUserById(trx, input.userId);
		if (!user || !canChangeStatusOf(actor, user)) {
			throw user && actor.id === user.id
				? new AppError('forbidden', 'error_cannot_change_self')
				: new AppError('not_found', 'error_not_found');
		}
		const { userId } = validate(staffMemberInput, input);
		if (!user.isActive) return;
		if (
			user.role === 'admin' &&
			user.schoolId &&
			(await countActiveAdmins(trx, user.schoolId)) <= 1
		)
			throw new AppError('conflict', 'error_last_admin');
		await trx
			.updateTable('users')
			.set({ isActive: false, deactivatedAt: now, updatedAt: now })
			.where('id', '=', userId)
			.execute();
		await endSessionsOf(trx, userId);
	});
}
