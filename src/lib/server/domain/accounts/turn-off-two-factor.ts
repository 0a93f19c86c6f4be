import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { confirmPassword } from './confirm-password';
import { accountActionInput, type AccountActionInput } from './input-admin';
import { findTargetAccount } from './operators';
import { assertCanActOn } from './policy';
import { findUserById } from './queries';

/**
 * A person lost both their phone and their recovery codes: an admin of their school (an
 * operator's, another operator) turns their two-factor sign-in off, so their password alone
 * lets them in again and they can set it up anew. The same rule as a reset link.
 */
export async function turnOffTwoFactor(
	ctx: Ctx,
	input: AccountActionInput & { ip?: string }
): Promise<void> {
	const { db, actor, now } = ctx;
	assertCanActOn(actor, await findTargetAccount(db, input.userId));
	const { userId, password } = validate(accountActionInput, input);
	await confirmPassword(db, actor, password, now);
	await db.transaction().execute(async (trx) => {
		const user = await findUserById(trx, userId);
		assertCanActOn(actor, user);
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
				schoolId: user!.schoolId,
				ip: input.ip
			},
			now
		);
	});
}
