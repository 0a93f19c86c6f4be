import { inTransaction } from '../../db/transaction';
import { links, notify } from '../../notify';
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
	const requestId = await inTransaction(db, async (trx) => {
		const id = await openRequest(
			trx,
			{ groupId, userId: actor.id, kind: 'request', message, createdBy: actor.id },
			now
		);
		await notify(
			{ db: trx, now, actor },
			{
				kind: 'group.join_requested',
				key: id,
				groupId,
				subject: access.group.name,
				link: links.members(groupId),
				params: { person: actor.fullName }
			}
		);
		return id;
	});
	return { requestId: asId<MembershipRequestId>(requestId) };
}
