import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { withdrawRequestInput, type WithdrawRequestInput } from './input';
import { findPendingRequest, settleRequest } from './membership-requests';
import { canManageGroup } from '../group-access/policy';
import { assertAllowed, groupAccess } from '../group-access/access';

/**
 * Takes back a pending request to join (the teacher who asked) or an invitation (the leader
 * or the administration who may invite).
 */
export async function withdrawRequest(
	{ db, actor, now }: Ctx,
	input: WithdrawRequestInput
): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	const { groupId, requestId } = validate(withdrawRequestInput, input);
	const request = await findPendingRequest(db, groupId, requestId);
	const isOwn = request.userId === actor.id;
	const manages = canManageGroup(actor, access);
	if (!isOwn && !manages) throw new AppError('not_found', 'error_request_not_found');
	// The one who asked takes it back: a teacher their request, the leader an invitation.
	assertAllowed(request.kind === 'request' ? isOwn : manages);
	await settleRequest(db, { requestId, status: 'withdrawn', decidedBy: actor.id }, now);
}
