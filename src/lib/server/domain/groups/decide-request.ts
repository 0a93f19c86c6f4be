import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { decideInput } from './input';
import { findPendingRequest, settleRequest } from './membership-requests';
import { canManageGroup } from '../group-access/policy';
import { addMember, findStaffOfSchool } from '../group-access/members';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';

/** The leader (or the administration) accepts or declines a teacher's request to join. */
export async function decideRequest(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ accepted: boolean }> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canManageGroup(actor, access));
	assertOpen(access);
	const input = validate(decideInput, rawInput);
	const accepted = input.decision === 'accept';
	await inTransaction(db, async (trx) => {
		const request = await findPendingRequest(trx, groupId, input.requestId);
		// Invitations are answered by the invited person, never on their behalf.
		if (request.kind !== 'request') throw new AppError('not_found', 'error_request_not_found');
		// A teacher deactivated (or moved) since asking is not added.
		if (accepted && !(await findStaffOfSchool(trx, access.schoolId, request.userId)))
			throw new AppError('conflict', 'error_membership_changed');
		await settleRequest(
			trx,
			{
				requestId: request.id,
				status: accepted ? 'accepted' : 'declined',
				decidedBy: actor.id,
				response: input.response
			},
			now
		);
		if (accepted)
			await addMember(
				trx,
				{ groupId, userId: request.userId, role: 'member', actorId: actor.id },
				now
			);
	});
	return { accepted };
}
