import { AppError } from '../../errors';
import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { confirmPassword } from './confirm-password';
import { accountActionInput, type AccountActionInput } from './input-admin';
import { findTargetAccount, otherActiveOperators } from './operators';
import { canManageOperators } from './policy';
import { findUserById } from './queries';

/**
 * An operator takes operator rights back from another operator, confirmed by their own
 * password. Never their own (the deployment would lose its operator by a slip of the hand),
 * and never from the last active operator.
 */
export async function revokeOperator(
	ctx: Ctx,
	input: AccountActionInput & { ip?: string }
): Promise<void> {
	const { db, actor, now } = ctx;
	if (!canManageOperators(actor)) throw new AppError('forbidden', 'error_forbidden');
	const target = await findTargetAccount(db, input.userId);
	if (!target || !target.isOperator) throw new AppError('not_found', 'error_not_found');
	if (target.id === actor.id) throw new AppError('forbidden', 'error_cannot_change_self');
	const { userId, password } = validate(accountActionInput, input);
	await confirmPassword(db, actor, password, now);
	await db.transaction().execute(async (trx) => {
		const user = await findUserById(trx, userId);
		if (!user?.isOperator) return;
		if ((await otherActiveOperators(trx, userId)).length === 0)
			throw new AppError('conflict', 'operator_error_last_operator');
		await trx
			.updateTable('users')
			.set({ isOperator: false, updatedAt: now })
			.where('id', '=', userId)
			.execute();
		await recordSecurityEvent(
			trx,
			{
				kind: 'operator_revoked',
				userId,
				actorId: actor.id,
				schoolId: user.schoolId,
				ip: input.ip
			},
			now
		);
	});
}
