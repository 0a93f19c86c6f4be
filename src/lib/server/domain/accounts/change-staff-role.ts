import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { changeStaffRoleInput, type ChangeStaffRoleInput } from './input';
import { canChangeStatusOf } from './policy';
import { countActiveAdmins, findUserById } from './queries';

/** Makes a teacher an admin (e.g. a deputy director) or the reverse. */
export async function changeStaffRole(
	{ db, actor, now }: Ctx,
	input: ChangeStaffRoleInput
): Promise<void> {
	const { userId, role } = validate(changeStaffRoleInput, input);
	await db.transaction().execute(async (trx) => {
		const user = await findUserById(trx, userId);
		if (!user || !canChangeStatusOf(actor, user)) {
			throw user && actor.id === user.id
				? new AppError('forbidden', 'error_cannot_change_self')
				: new AppError('not_found', 'error_not_found');
		}
		if (user.role !== 'admin' && user.role !== 'teacher')
			throw new AppError('conflict', 'error_not_staff');
		if (user.role === role) return;
		if (
			user.role === 'admin' &&
			user.isActive &&
			(await countActiveAdmins(trx, user.schoolId!)) <= 1
		)
			throw new AppError('conflict', 'error_last_admin');
		await trx.updateTable('users').set({ role, updatedAt: now }).where('id', '=', userId).execute();
	});
}
