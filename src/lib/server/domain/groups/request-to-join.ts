import { validate } from '../../validation';
import type { Ctx } from '../context';
import { asId, type MembershipRequestId } from '../ids';
import { requestToJoinInput, type RequestToJoinInput } from './input';
import { openRequest } from './membership-requests';
import { canRequestToJoin } from '../group-access/policy';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';

/** §3.2, §5.1: a teacher of the school asks to join, with a short motivation. */
export async function requestToJoin(
	{ db, actor, now }: Ctx,
	input: RequestToJoinInput
): Promise<{ requestId: MembershipRequestId }> {
	const access = await groupAccess(db, actor, input.groupId);
	assertOpen(access);
	assertAllowed(canRequestToJoin(actor, access));
	const { groupId, message } = validate(requestToJoinInput, input);
	const requestId = await openRequest(
		db,
		{ groupId, userId: actor.id, kind: 'request', message, createdBy: actor.id },
		now
	);
	return { requestId: asId<MembershipRequestId>(requestId) };
}
