import type { Actor } from '../../access/actor';
import type { ProposalStatus } from '../../db/types';
import type { GroupPlace } from '../group-access/policy';

// Who may do what with proposals (§3.3, §3.5, §5.3). Pure: the caller loads the actor's place
// in the group and whether they wrote the proposal.

export interface ProposalPlace extends GroupPlace {
	isAuthor: boolean;
}

/** Anyone in the group proposes, external members too (§3.3). */
export function canPropose(actor: Actor | null, place: GroupPlace): boolean {
	return actor !== null && place.role !== null;
}

/** Statuses in which a proposal is still being prepared for a vote. */
const beforeVote: ProposalStatus[] = ['submitted', 'analyzed', 'discussion'];

/** §3.5: the leader analyzes proposals, in writing, until they go to a vote. */
export function canAnalyzeProposal(
	actor: Actor | null,
	place: ProposalPlace,
	status: ProposalStatus
): boolean {
	return actor !== null && place.role === 'leader' && beforeVote.includes(status);
}

/** §3.5: the leader puts an analyzed proposal to the group's discussion. */
export function canPutToDiscussion(
	actor: Actor | null,
	place: ProposalPlace,
	status: ProposalStatus
): boolean {
	return actor !== null && place.role === 'leader' && status === 'analyzed';
}

/** The leader sends a proposal back, with a reason, before it goes to a vote. */
export function canReturnProposal(
	actor: Actor | null,
	place: ProposalPlace,
	status: ProposalStatus
): boolean {
	return actor !== null && place.role === 'leader' && beforeVote.includes(status);
}

/** Its author withdraws it while it is not being voted on or decided. */
export function canWithdrawProposal(
	actor: Actor | null,
	place: ProposalPlace,
	status: ProposalStatus
): boolean {
	return actor !== null && place.isAuthor && place.role !== null && beforeVote.includes(status);
}
