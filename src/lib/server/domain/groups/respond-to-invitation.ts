import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { respondInput } from './input';
import { findPendingRequest, settleRequest } from './membership-requests';
import { addMember } from '../group-access/members';
import { assertOpen, groupAccess } from '../group-access/access';

/** The invited person accepts or declines: nobody is added without consent (§5.1). */
export async function respondToInvitation(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ accepted: boolean }> {
	const access = await groupAccess(db, actor, groupId);
	const input = validate(respondInput, rawInput);
	const accepted = input.decision === 'accept';
	await inTransaction(db, async (trx) => {
		const request = await findPendingRequest(trx, groupId, input.requestId);
		// Someone else's invitation is not there for this actor at all.
		if (request.kind !== 'invitation' || request.userId !== actor.id)
			throw new AppError('not_found', 'error_request_not_found');
		if (accepted) assertOpen(access);
		await settleRequest(
			trx,
			{ requestId: request.id, status: accepted ? 'accepted' : 'declined', decidedBy: actor.id },
			now
		);
		if (accepted)
			await addMember(trx, { groupId, userId: actor.id, role: 'member', actorId: actor.id }, now);
	});
	return { accepted };
}
