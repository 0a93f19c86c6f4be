import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { assertAllowed, assertOpen } from '../group-access/access';
import { groupWorkAccess } from '../group-access/access';
import { decisionInput } from './input';
import { canRunVotes } from '../group-access/policy';
import { assertGroupMeeting } from './queries';

/**
 * The leader words a decision (one its deadline closed waits for this) or links it to the
 * minutes of the meeting where it was taken. The tally and the quorum never change.
 */
export async function recordDecision(
	db: DB,
	actor: Actor,
	groupId: string,
	decisionId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	const access = await groupWorkAccess(db, actor, groupId);
	const decision = await db
		.selectFrom('decisions')
		.select('id')
		.where('id', '=', decisionId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!decision) throw new AppError('not_found', 'error_decision_not_found');
	assertAllowed(canRunVotes(actor, access));
	assertOpen(access);
	const input = validate(decisionInput, rawInput);
	const meetingId = await assertGroupMeeting(db, groupId, input.meetingId);
	await db
		.updateTable('decisions')
		.set({ text: input.text, meetingId, recordedBy: actor.id, updatedAt: now })
		.where('id', '=', decisionId)
		.execute();
}
