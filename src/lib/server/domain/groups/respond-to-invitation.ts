import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { respondToInvitationInput, type RespondToInvitationInput } from './input';
import { findPendingRequest, settleRequest } from './membership-requests';
import { addMember } from '../group-access/members';
import { notifyJoined } from './notify-membership';
import { assertOpen, groupAccess } from '../group-access/access';

/** The invited person accepts or declines: nobody is added without consent (§5.1). */
export async function respondToInvitation(
	{ db, actor, now }: Ctx,
	input: RespondToInvitationInput
): Promise<{ accepted: boolean }> {
	const access = await groupAccess(db, actor, input.groupId);
	const { groupId, requestId, decision } = validate(respondToInvitationInput, input);
	const accepted = decision === 'accept';
	await inTransaction(db, async (trx) => {
		const request = await findPendingRequest(trx, groupId, requestId);
		// Someone else's invitation is not there for this actor at all.
		if (request.kind !== 'invitation' || request.userId !== actor.id)
			throw new AppError('not_found', 'error_request_not_found');
		if (accepted) assertOpen(access);
		await settleRequest(
			trx,
			{ requestId: request.id, status: accepted ? 'accepted' : 'declined', decidedBy: actor.id },
			now
		);
		if (accepted) {
			await addMember(trx, { groupId, userId: actor.id, role: 'member', actorId: actor.id }, now);
			// The leader learns that the invitation was accepted.
			await notifyJoined(
				{ db: trx, now, actor },
				{ groupId, subject: access.group.name },
				actor.id
			);
		}
	});
	return { accepted };
}
