import type { Actor } from '../../access/actor';
import type { MaterialStatus, ProposalStatus } from '../../db/types';
import { canSeeGroupWork, type GroupPlace } from '../group-access/policy';

// Approbation in practice (§4.1) and objective monitoring (§5.4). Pure: the caller loads the
// actor's place in the group and, for one approbation, who wrote it and who wrote what it tried.

/** Materials a member may try in class: offered to the group, being judged, or accepted. */
export const triable: MaterialStatus[] = ['offered', 'under_review', 'accepted'];
/** Proposals whose idea may be tried: any the author has not withdrawn. */
export const untriable: ProposalStatus[] = ['withdrawn'];

export interface ApprobationPlace extends GroupPlace {
	/** The actor recorded the approbation (tried it in class). */
	isAuthor: boolean;
	/** The actor is an author or co-author of the material it tried. */
	isMaterialAuthor: boolean;
}

/**
 * Approbations are the group's own work: members and the administration see them, with their
 * results. The next issue ("results made known") opens the results to the school's staff.
 */
export function canSeeApprobations(actor: Actor | null, place: GroupPlace): boolean {
	return canSeeGroupWork(actor, place);
}

/** §4.1: a current member tries ideas in class and records it (external members too). */
export function canRecordApprobation(actor: Actor | null, place: GroupPlace): boolean {
	return actor !== null && place.role !== null;
}

/** Only the member who recorded it edits it, while still a member. */
export function canEditApprobation(actor: Actor | null, place: ApprobationPlace): boolean {
	return actor !== null && place.role !== null && place.isAuthor;
}

/**
 * §5.4 objective monitoring: a current member who is neither the approbation's author nor an
 * author of the material tried. Nobody confirms their own results.
 */
export function canObserve(actor: Actor | null, place: ApprobationPlace): boolean {
	return actor !== null && place.role !== null && !place.isAuthor && !place.isMaterialAuthor;
}

/** The leader asks a given member to observe. */
export function canAskToObserve(actor: Actor | null, place: GroupPlace): boolean {
	return actor !== null && place.role === 'leader';
}

/** Results count as confirmed once the group's required number of observations is reached. */
export function isConfirmed(observations: number, required: number): boolean {
	return observations >= Math.max(1, required);
}
