import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { links, notify } from '../../notify';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { decideRequestInput, type DecideRequestInput } from './input';
import { findPendingRequest, settleRequest } from './membership-requests';
import { canManageGroup } from '../group-access/policy';
import { addMember, findStaffOfSchool } from '../group-access/members';
import { notifyJoined } from './notify-membership';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';

/** The leader (or the administration) accepts or declines a teacher's request to join. */
export async function decideRequest(
	{ db, actor, now }: Ctx,
	input: DecideRequestInput
): Promise<{ accepted: boolean }> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canManageGroup(actor, access));
	assertOpen(access);
	const { groupId, requestId, decision, response } = validate(decideRequestInput, input);
	const accepted = decision === 'accept';
	await inTransaction(db, async (trx) => {
		const request = await findPendingRequest(trx, groupId, requestId);
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
				response
			},
			now
		);
		if (accepted)
			await addMember(
				trx,
				{ groupId, userId: request.userId, role: 'member', actorId: actor.id },
				now
			);
		const told = { db: trx, now, actor };
		await notify(told, {
			kind: accepted ? 'group.request_accepted' : 'group.request_declined',
			key: request.id,
			groupId,
			subject: access.group.name,
			link: links.group(groupId),
			userIds: [request.userId]
		});
		// When the administration decided, the leader learns who joined.
		if (accepted) await notifyJoined(told, { groupId, subject: access.group.name }, request.userId);
	});
	return { accepted };
}
