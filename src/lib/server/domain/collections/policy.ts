import type { Actor } from '../../access/actor';
import type { EditionStatus } from '../../db/types';
import { canSeeMeetings, type GroupPlace } from '../group-access/policy';

// Who may do what with methodological collections (§3.5, §5.3, §6). Pure: the caller loads
// the actor's place in the group once.

/** The collection is the group's own work until published: members (external ones too) and the administration. */
export function canSeeCollections(actor: Actor | null, place: GroupPlace): boolean {
	return canSeeMeetings(actor, place);
}

/** §3.5: the leader generalizes and systematizes the materials, so only the leader edits. */
export function canEditCollection(actor: Actor | null, place: GroupPlace): boolean {
	return actor !== null && place.role === 'leader';
}

/** The leader compiles an edition; a failed one may be compiled again. */
export function canCompile(actor: Actor | null, place: GroupPlace): boolean {
	return canEditCollection(actor, place);
}

export function canRetryEdition(
	actor: Actor | null,
	place: GroupPlace,
	status: EditionStatus
): boolean {
	return canCompile(actor, place) && status === 'failed';
}

/** Compiled editions are downloaded and read; one still compiling has nothing to show. */
export function canReadEdition(
	actor: Actor | null,
	place: GroupPlace,
	status: EditionStatus
): boolean {
	return canSeeCollections(actor, place) && status === 'done';
}

/** The leader puts a compiled edition to the group's vote, then marks it approved. */
export function canApproveEdition(
	actor: Actor | null,
	place: GroupPlace,
	edition: { status: EditionStatus; isApproved: boolean }
): boolean {
	return canEditCollection(actor, place) && edition.status === 'done' && !edition.isApproved;
}
