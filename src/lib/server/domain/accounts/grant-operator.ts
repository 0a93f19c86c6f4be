import { AppError } from '../../errors';
import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { confirmPassword } from './confirm-password';
import { grantOperatorInput, type GrantOperatorInput } from './input-admin';
import { canManageOperators } from './policy';
import { findUserByEmail } from './queries';

/**
 * An operator makes an active staff account of a school (an admin or a teacher) an operator
 * too, confirmed by their own password. Its school role stays as it was.
 */
export async function grantOperator(
	ctx: Ctx,
	input: GrantOperatorInput & { ip?: string }
): Promise<{ userId: string; fullName: string }> {
	const { db, actor, now } = ctx;
	if (!canManageOperators(actor)) throw new AppError('forbidden', 'error_forbidden');
	const { email, password } = validate(grantOperatorInput, input);
	await confirmPassword(db, actor, password, now);
	return db.transaction().execute(async (trx) => {
		const user = await findUserByEmail(trx, email);
		// Operators are trusted with every school: saying whose address it is tells them nothing new.
		if (
			!user ||
			!user.isActive ||
			!user.schoolId ||
			(user.role !== 'admin' && user.role !== 'teacher')
		)
			throw new AppError('invalid', 'operator_error_not_active_staff', { field: 'email' });
		if (!user.isOperator) {
			await trx
				.updateTable('users')
				.set({ isOperator: true, updatedAt: now })
				.where('id', '=', user.id)
				.execute();
			await recordSecurityEvent(
				trx,
				{
					kind: 'operator_granted',
					userId: user.id,
					actorId: actor.id,
					schoolId: user.schoolId,
					ip: input.ip
				},
				now
			);
		}
		return { userId: user.id, fullName: user.fullName };
	});
}
