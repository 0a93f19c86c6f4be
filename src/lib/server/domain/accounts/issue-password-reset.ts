import { newId } from '../../db/ids';
import { AppError } from '../../errors';
import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { confirmPassword } from './confirm-password';
import { createPasswordReset } from './create-password-reset';
import { accountActionInput, type AccountActionInput } from './input-admin';
import { takeMailSlot } from './mail-limits';
import { findTargetAccount } from './operators';
import { assertCanActOn } from './policy';
import { findUserById } from './queries';
import { notifyResetIssued, sendResetIssuedMail } from './reset-issued-notice';

/**
 * Without email, the admin hands a one-time reset link to the teacher who forgot, confirmed
 * by the admin's own password. The person is told in the inbox and by email (whatever their
 * settings): a link someone else holds is a way into their account. An operator's link is
 * issued only by another operator.
 */
export async function issuePasswordReset(
	ctx: Ctx,
	input: AccountActionInput & { ip?: string }
): Promise<{ url: string; expiresAt: Date; noticeSent: Promise<boolean> }> {
	const { db, actor, now } = ctx;
	assertCanActOn(actor, await findTargetAccount(db, input.userId));
	const { userId, password } = validate(accountActionInput, input);
	await confirmPassword(db, actor, password, now);
	const { user, reset } = await db.transaction().execute(async (trx) => {
		const user = (await findUserById(trx, userId))!;
		assertCanActOn(actor, user);
		if (!user.isActive) throw new AppError('conflict', 'error_account_deactivated');
		await takeMailSlot(trx, { purpose: 'reset', recipient: user.email, senderId: actor.id }, now);
		const reset = await createPasswordReset(trx, userId, actor.id, now);
		await recordSecurityEvent(
			trx,
			{ kind: 'reset_issued', userId, actorId: actor.id, schoolId: user.schoolId, ip: input.ip },
			now
		);
		await notifyResetIssued(trx, { person: user, actor, resetKey: newId(), now });
		return { user, reset };
	});
	// After the commit: the mail goes out in the background and never fails the action.
	const noticeSent = sendResetIssuedMail({
		person: user,
		issuedBy: actor.fullName,
		issuedAt: now
	});
	return { ...reset, noticeSent };
}
