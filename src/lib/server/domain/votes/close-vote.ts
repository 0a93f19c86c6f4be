import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen } from '../group-access/access';
import { canRunVotes } from '../group-access/policy';
import { asId, type DecisionId } from '../ids';
import { closeVoteInput, type CloseVoteInput } from './input';
import { assertGroupMeeting, closeVoteNow, voteAccess } from './queries';
import { recordDecision } from './record-decision';

/**
 * The leader closes the vote; the tally and whether the quorum was met are the server's
 * count. The decision's wording normally follows (recordDecision), once the tally is shown;
 * one sent with the close is kept only if it fits the count (input.ts). A vote its deadline
 * already closed only takes the wording. A secret vote is not closed before its deadline on
 * fewer ballots than the deployment's minimum.
 */
export async function closeVote(
	ctx: Ctx,
	input: CloseVoteInput
): Promise<{ decisionId: DecisionId }> {
	const { db, actor, now } = ctx;
	const { seal } = input;
	const access = await voteAccess(db, seal, actor, input.groupId, input.voteId, now);
	assertAllowed(canRunVotes(actor, access));
	assertOpen(access);
	const valid = validate(closeVoteInput, input);
	const { groupId, voteId, text, meetingId: meeting, outcome } = valid;
	if (access.vote.status === 'closed') {
		const decision = await db
			.selectFrom('decisions')
			.select(['id', 'text'])
			.where('voteId', '=', voteId)
			.executeTakeFirstOrThrow();
		const decisionId = asId<DecisionId>(decision.id);
		// The same form sent twice: it is done already.
		if (decision.text === text) return { decisionId };
		// Closed by its deadline a moment ago: what the leader wrote becomes the wording.
		if (decision.text !== '') throw new AppError('conflict', 'error_vote_closed');
		await recordDecision(ctx, { groupId, decisionId, text, outcome, meetingId: meeting });
		return { decisionId };
	}
	const meetingId = await assertGroupMeeting(db, groupId, meeting);
	const { decisionId } = await closeVoteNow(db, seal, access.vote, {
		byDeadline: false,
		text,
		// Checked against the count inside the closing transaction: refused, nothing closes.
		writtenFor: text === '' ? undefined : outcome,
		meetingId,
		recordedBy: actor.id,
		at: now,
		// Before its deadline, on too few secret ballots: refused, the deadline will close it
		// (with the tally withheld). A vote with no deadline has only the leader to close it:
		// it closes, withheld all the same, rather than stay open forever (issue 16).
		refuseTooFew: access.vote.closesAt !== null
	});
	return { decisionId: asId<DecisionId>(decisionId) };
}
