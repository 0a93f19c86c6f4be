import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { canInviteStaff } from './policy';

/** Withdraws a pending invitation: its link stops working. */
export async function revokeInvitation(
	db: DB,
	actor: Actor,
	invitationId: string,
	now = new Date()
): Promise<void> {
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
