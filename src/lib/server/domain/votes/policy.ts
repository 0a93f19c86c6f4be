import type { Actor } from '../../access/actor';
import type { DecisionOutcome } from '../../db/types';
import { ValidationError } from '../../validation';
import type { GroupPlace } from '../group-access/policy';

// Who may do what with votes and decisions (§3.3 collective decisions, §3.5 the leader puts
// questions to the group). Pure: the caller knows the actor's place, whether they are on the
// vote's roll, and whether they have voted.

/**
 * One person, one vote: whoever is on the roll (fixed when the vote opened) and still a
 * member. External members are on it only if the group let them vote (§5.1), and stop
 * voting as soon as the group no longer does (`externalMayVote`).
 */
export function canVote(
	actor: Actor | null,
	place: GroupPlace,
	isOnRoll: boolean,
	externalMayVote: boolean
): boolean {
	const isExternal = actor !== null && actor.schoolId !== place.schoolId;
	return actor !== null && place.role !== null && isOnRoll && (!isExternal || externalMayVote);
}

/** Why someone in the group may not vote in this vote, for a clear message. */
export function whyNotVoting(
	actor: Actor,
	place: GroupPlace,
	vote: { isExternalAllowed: boolean },
	externalMayVote: boolean
): 'error_vote_external_off' | 'error_vote_external_excluded' | 'error_vote_not_on_roll' {
	if (actor.schoolId === place.schoolId) return 'error_vote_not_on_roll';
	if (!externalMayVote) return 'error_vote_external_off';
	return vote.isExternalAllowed ? 'error_vote_not_on_roll' : 'error_vote_external_excluded';
}

/**
 * The tally: to all once closed; before that, to voters who have voted, if the vote is live
 * and open. Never live for a secret ballot: watching the count move as names join the list
 * of participants would tell who chose what.
 */
export function canSeeTally(
	vote: { status: 'open' | 'closed'; isTallyLive: boolean; isSecret: boolean },
	hasVoted: boolean
): boolean {
	return vote.status === 'closed' || (vote.isTallyLive && !vote.isSecret && hasVoted);
}

/**
 * A decision's wording written for one outcome is refused on a decision with another: the
 * wording would say the opposite of the count (issue 17). None named: nothing to compare.
 */
export function assertWordingFits(
	writtenFor: DecisionOutcome | undefined,
	outcome: DecisionOutcome
): void {
	if (writtenFor !== undefined && writtenFor !== outcome)
		throw new ValidationError([{ field: 'text', key: 'decisions_error_wording_outcome' }]);
}
