import { recordSecurityEvent } from '../../security/events';
import type { Ctx } from '../context';
import { actOnAccount } from './act-on-account';
import type { AccountActionInput } from './input-admin';

/**
 * A person lost both their phone and their recovery codes: an admin of their school (an
 * operator's, another operator) turns their two-factor sign-in off, so their password alone
 * lets them in again and they can set it up anew. The same rule as a reset link.
 */
export async function turnOffTwoFactor(
	ctx: Ctx,
	input: AccountActionInput & { ip?: string }
): Promise<void> {
	const { actor, now } = ctx;
	const userId = input.userId;
	await actOnAccount(ctx, input, async (trx, user) => {
		const removed = await trx
			.deleteFrom('twoFactorSecrets')
			.where('userId', '=', userId)
			.executeTakeFirst();
		await trx.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
		if (Number(removed.numDeletedRows) === 0) return;
		await recordSecurityEvent(
			trx,
			{
				kind: 'two_factor_disabled',
				userId,
				actorId: actor.id,
				schoolId: user.schoolId,
				ip: input.ip
			},
			now
		);
	});
}
