import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupWorkAccess } from '../group-access/access';
import { canRunVotes } from '../group-access/policy';
import { recordDecisionInput, type RecordDecisionInput } from './input';
import { assertWordingFits } from './policy';
import { assertGroupMeeting } from './queries';

/**
 * The leader words a decision (one its deadline closed waits for this) or links it to the
 * minutes of the meeting where it was taken. The tally and the quorum never change; a
 * wording written for another outcome is refused.
 */
export async function recordDecision(
	{ db, actor, now }: Ctx,
	input: RecordDecisionInput
): Promise<void> {
	const access = await groupWorkAccess(db, actor, input.groupId);
	const decision = await db
		.selectFrom('decisions')
		.select(['id', 'outcome'])
		.where('id', '=', input.decisionId)
		.where('groupId', '=', input.groupId)
		.executeTakeFirst();
	if (!decision) throw new AppError('not_found', 'error_decision_not_found');
	assertAllowed(canRunVotes(actor, access));
	assertOpen(access);
	const valid = validate(recordDecisionInput, input);
	const { groupId, decisionId, text, meetingId: meeting } = valid;
	assertWordingFits(valid.outcome, decision.outcome);
	const meetingId = await assertGroupMeeting(db, groupId, meeting);
	await db
		.updateTable('decisions')
		.set({ text, meetingId, recordedBy: actor.id, updatedAt: now })
		.where('id', '=', decisionId)
		.execute();
}
