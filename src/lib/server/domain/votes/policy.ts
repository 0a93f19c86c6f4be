import type { Actor } from '../../access/actor';
import type { GroupPlace } from '../groups/policy';

// Who may do what with votes and decisions (§3.3 collective decisions, §3.5 the leader puts
// questions to the group). Pure: the caller knows the actor's place, whether they are on the
// vote's roll, and whether they have voted.

/** The leader opens a vote, closes it and words the decision; the administration does not. */
export function canRunVotes(actor: Actor | null, place: GroupPlace): boolean {
	return actor !== null && place.role === 'leader';
}

/**
 * One person, one vote: whoever is on the roll (fixed when the vote opened) and still a
 * member. External members are on it only if the group let them vote (§5.1).
 */
export function canVote(actor: Actor | null, place: GroupPlace, isOnRoll: boolean): boolean {
	return actor !== null && place.role !== null && isOnRoll;
}

/** The tally: to all once closed; before that, to voters who have voted, if the vote is live. */
export function canSeeTally(
	vote: { status: 'open' | 'closed'; isTallyLive: boolean },
	hasVoted: boolean
): boolean {
	return vote.status === 'closed' || (vote.isTallyLive && hasVoted);
}
