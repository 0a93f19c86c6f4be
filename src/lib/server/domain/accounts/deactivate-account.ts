import { AppError } from '../../errors';
import { recordSecurityEvent } from '../../security/events';
import type { Ctx } from '../context';
import { actOnAccount } from './act-on-account';
import type { AccountActionInput } from './input-admin';
import { otherActiveOperators } from './operators';
import { countActiveAdmins, endSessionsOf } from './queries';

/**
 * Blocks an account: it can no longer sign in and its sessions end now. Nothing it wrote is
 * deleted. A school always keeps at least one active admin, the deployment at least one
 * active operator; an operator's account is deactivated only by another operator.
 */
export async function deactivateAccount(
	ctx: Ctx,
	input: AccountActionInput & { ip?: string }
): Promise<void> {
	const { actor, now } = ctx;
	const userId = input.userId;
	await actOnAccount(ctx, input, async (trx, user) => {
		if (!user.isActive) return;
		if (user.isOperator && (await otherActiveOperators(trx, userId)).length === 0)
			throw new AppError('conflict', 'operator_error_last_operator');
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
		await recordSecurityEvent(
			trx,
			{
				kind: 'deactivated',
				userId,
				actorId: actor.id,
				schoolId: user.schoolId,
				ip: input.ip,
				detail: { isOperator: user.isOperator }
			},
			now
		);
	});
}
