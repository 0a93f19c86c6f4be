import { AppError } from '../../errors';
import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { confirmPassword } from './confirm-password';
import { changeStaffRoleInput, type ChangeStaffRoleInput } from './input-admin';
import { findTargetAccount } from './operators';
import { assertCanActOn } from './policy';
import { countActiveAdmins, findUserById } from './queries';

/**
 * Makes a teacher an admin (e.g. a deputy director) or the reverse, confirmed by the actor's
 * password. An operator's school role is changed only by another operator, and it leaves
 * their operator rights as they are: those are granted and revoked on /operator/operators.
 */
export async function changeStaffRole(
	ctx: Ctx,
	input: ChangeStaffRoleInput & { ip?: string }
): Promise<void> {
	const { db, actor, now } = ctx;
	assertCanActOn(actor, await findTargetAccount(db, input.userId));
	const { userId, role, password } = validate(changeStaffRoleInput, input);
	await confirmPassword(db, actor, password, now);
	await db.transaction().execute(async (trx) => {
		const user = await findUserById(trx, userId);
		assertCanActOn(actor, user);
		if (user!.role !== 'admin' && user!.role !== 'teacher')
			throw new AppError('conflict', 'error_not_staff');
		if (user!.role === role) return;
		if (
			user!.role === 'admin' &&
			user!.isActive &&
			(await countActiveAdmins(trx, user!.schoolId!)) <= 1
		)
			throw new AppError('conflict', 'error_last_admin');
		await trx.updateTable('users').set({ role, updatedAt: now }).where('id', '=', userId).execute();
		await recordSecurityEvent(
			trx,
			{
				kind: 'role_changed',
				userId,
				actorId: actor.id,
				schoolId: user!.schoolId,
				ip: input.ip,
				detail: { from: user!.role, to: role }
			},
			now
		);
	});
}
