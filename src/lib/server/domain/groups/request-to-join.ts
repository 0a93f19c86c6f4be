import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { joinRequestInput } from './input';
import { openRequest } from './membership-requests';
import { canRequestToJoin } from '../group-access/policy';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';

/** §3.2, §5.1: a teacher of the school asks to join, with a short motivation. */
export async function requestToJoin(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ requestId: string }> {
	const access = await groupAccess(db, actor, groupId);
	assertOpen(access);
	assertAllowed(canRequestToJoin(actor, access));
	const input = validate(joinRequestInput, rawInput);
	const requestId = await openRequest(
		db,
		{ groupId, userId: actor.id, kind: 'request', message: input.message, createdBy: actor.id },
		now
	);
	return { requestId };
}
