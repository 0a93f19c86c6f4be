import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { revokeInvitationInput, type RevokeInvitationInput } from './input';
import { canInviteStaff } from './policy';

/** Withdraws a pending invitation: its link stops working. */
export async function revokeInvitation(
	{ db, actor, now }: Ctx,
	input: RevokeInvitationInput
): Promise<void> {
	const { invitationId } = validate(revokeInvitationInput, input);
	const invitation = await db
		.selectFrom('invitations')
		.select(['id', 'schoolId', 'acceptedAt', 'revokedAt'])
		.where('id', '=', invitationId)
		.executeTakeFirst();
	if (!invitation || !canInviteStaff(actor, invitation.schoolId))
		throw new AppError('not_found', 'error_not_found');
	if (invitation.acceptedAt) throw new AppError('conflict', 'error_invitation_used');
	if (invitation.revokedAt) return;
	await db
		.updateTable('invitations')
		.set({ revokedAt: now })
		.where('id', '=', invitationId)
		.execute();
}
