import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { assertAllowed, assertOpen } from '../group-access/access';
import { decisionInput } from './input';
import { canRunVotes } from '../group-access/policy';
import { assertGroupMeeting, closeVoteNow, voteAccess } from './queries';
import { recordDecision } from './record-decision';
import type { BallotSeal } from './seal';

/**
 * The leader closes the vote and words the decision; the tally and whether the quorum was
 * met are the server's count. A vote its deadline already closed only takes the wording.
 */
export async function closeVote(
	db: DB,
	seal: BallotSeal,
	actor: Actor,
	groupId: string,
	voteId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ decisionId: string }> {
	const access = await voteAccess(db, seal, actor, groupId, voteId, now);
	assertAllowed(canRunVotes(actor, access));
	assertOpen(access);
	const input = validate(decisionInput, rawInput);
	if (access.vote.status === 'closed') {
		const decision = await db
			.selectFrom('decisions')
			.select(['id', 'text'])
			.where('voteId', '=', voteId)
			.executeTakeFirstOrThrow();
		// The same form sent twice: it is done already.
		if (decision.text === input.text) return { decisionId: decision.id };
		// Closed by its deadline a moment ago: what the leader wrote becomes the wording.
		if (decision.text !== '') throw new AppError('conflict', 'error_vote_closed');
		await recordDecision(db, actor, groupId, decision.id, input, now);
		return { decisionId: decision.id };
	}
	const meetingId = await assertGroupMeeting(db, groupId, input.meetingId);
	const { decisionId } = await closeVoteNow(db, seal, access.vote, {
		byDeadline: false,
		text: input.text,
		meetingId,
		recordedBy: actor.id,
		at: now
	});
	return { decisionId };
}
