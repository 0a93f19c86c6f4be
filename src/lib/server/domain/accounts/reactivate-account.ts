import { recordSecurityEvent } from '../../security/events';
import type { Ctx } from '../context';
import { actOnAccount } from './act-on-account';
import type { AccountActionInput } from './input-admin';

/** Lets a deactivated account sign in again (with its old password); an operator's by another operator. */
export async function reactivateAccount(
	ctx: Ctx,
	input: AccountActionInput & { ip?: string }
): Promise<void> {
	const { actor, now } = ctx;
	const userId = input.userId;
	await actOnAccount(ctx, input, async (trx, user) => {
		if (user.isActive) return;
		await trx
			.updateTable('users')
			.set({ isActive: true, deactivatedAt: null, updatedAt: now })
			.where('id', '=', userId)
			.execute();
		await recordSecurityEvent(
			trx,
			{ kind: 'reactivated', userId, actorId: actor.id, schoolId: user.schoolId, ip: input.ip },
			now
		);
	});
}
