import type { Actor } from '../../access/actor';
import type { ProposalStatus } from '../../db/types';
import type { GroupPlace } from '../group-access/policy';

// Who may take part in the group's discussions (§3.3: every question is discussed
// collectively). Pure: the caller knows whether the thread is open for posts.

/** Current members start free-standing threads, external members too. */
export function canStartThread(actor: Actor | null, place: GroupPlace): boolean {
	return actor !== null && place.role !== null;
}

/** Current members write in an open thread. */
export function canPost(actor: Actor | null, place: GroupPlace, isThreadOpen: boolean): boolean {
	return actor !== null && place.role !== null && isThreadOpen;
}

/** Authors correct their own posts while the thread is open; the post then shows "edited". */
export function canEditPost(
	actor: Actor | null,
	place: GroupPlace,
	isThreadOpen: boolean,
	authorId: string
): boolean {
	return canPost(actor, place, isThreadOpen) && actor!.id === authorId;
}

/** The group discusses a proposal once the leader has put it to discussion, and while voting. */
export function isDiscussionOpen(status: ProposalStatus): boolean {
	return status === 'discussion' || status === 'vote';
}
