import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { confirmPassword } from './confirm-password';
import { accountActionInput, type AccountActionInput } from './input-admin';
import { findTargetAccount } from './operators';
import { assertCanActOn } from './policy';
import { findUserById } from './queries';

/** Lets a deactivated account sign in again (with its old password); an operator's by another operator. */
export async function reactivateAccount(
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
		if (user!.isActive) return;
		await trx
			.updateTable('users')
			.set({ isActive: true, deactivatedAt: null, updatedAt: now })
			.where('id', '=', userId)
			.execute();
		await recordSecurityEvent(
			trx,
			{ kind: 'reactivated', userId, actorId: actor.id, schoolId: user!.schoolId, ip: input.ip },
			now
		);
	});
}
