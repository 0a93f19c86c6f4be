import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { staffMemberInput, type StaffMemberInput } from './input';
import { createPasswordReset } from './create-password-reset';
import { canIssuePasswordReset } from './policy';
import { findUserById } from './queries';
import { takeMailSlot } from './mail-limits';

/** Without email, the admin hands a one-time reset link to the teacher who forgot. */
export async function issuePasswordReset(
	{ db, actor, now }: Ctx,
	input: StaffMemberInput
): Promise<{ url: string; expiresAt: Date }> {
	const user = await findUserById(db, input.userId);
	if (!user || !canIssuePasswordReset(actor, user))
		throw new AppError('not_found', 'error_not_found');
	const { userId } = validate(staffMemberInput, input);
	if (!user.isActive) throw new AppError('conflict', 'error_account_deactivated');
	await takeMailSlot(db, { purpose: 'reset', recipient: user.email, senderId: actor.id }, now);
	return createPasswordReset(db, userId, actor.id, now);
}
