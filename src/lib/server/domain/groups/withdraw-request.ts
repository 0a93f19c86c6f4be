import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { findPendingRequest, settleRequest } from './membership-requests';
import { canManageGroup } from '../group-access/policy';
import { assertAllowed, groupAccess } from '../group-access/access';

/**
 * Takes back a pending request to join (the teacher who asked) or an invitation (the leader
 * or the administration who may invite).
 */
export async function withdrawRequest(
	db: DB,
	actor: Actor,
	groupId: string,
	requestId: string,
	now = new Date()
): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
	const request = await findPendingRequest(db, groupId, requestId);
	const isOwn = request.userId === actor.id;
	const manages = canManageGroup(actor, access);
	if (!isOwn && !manages) throw new AppError('not_found', 'error_request_not_found');
	// The one who asked takes it back: a teacher their request, the leader an invitation.
	assertAllowed(request.kind === 'request' ? isOwn : manages);
	await settleRequest(db, { requestId, status: 'withdrawn', decidedBy: actor.id }, now);
}
