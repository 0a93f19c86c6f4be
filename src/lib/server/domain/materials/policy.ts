import type { Actor } from '../../access/actor';
import type { MaterialStatus } from '../../db/types';
import { canManageGroup, canSeeGroupWork, type GroupPlace } from '../group-access/policy';

// Who may do what with practical materials (§3.3). Pure: the caller loads the actor's place
// in the group and whether they are an author (the author or a co-author) once.

export interface MaterialPlace extends GroupPlace {
	isAuthor: boolean;
}

/** Statuses in which authors may still change a material. */
export const editable: MaterialStatus[] = [
	'draft',
	'offered',
	'under_review',
	'revision_requested'
];
/** Statuses in which the group judges a material. */
const inReview: MaterialStatus[] = ['offered', 'under_review'];

/** A current member offers materials, external members included (§5.1). */
export function canCreateMaterial(actor: Actor | null, place: GroupPlace): boolean {
	return actor !== null && place.role !== null;
}

/**
 * A draft is its authors' own; once offered, it is the group's own work (members and the
 * administration) and its authors'. The teaching staff see what the group publishes to
 * them (§3.4), not the group's work in progress.
 */
export function canSeeMaterial(
	actor: Actor | null,
	place: MaterialPlace,
	status: MaterialStatus
): boolean {
	if (status === 'draft') return actor !== null && place.isAuthor;
	return (actor !== null && place.isAuthor) || canSeeGroupWork(actor, place);
}

/** Only the author and co-authors edit, while they are members and it is not decided. */
export function canEditMaterial(
	actor: Actor | null,
	place: MaterialPlace,
	status: MaterialStatus
): boolean {
	return actor !== null && place.isAuthor && place.role !== null && editable.includes(status);
}

/** Authors offer a draft, or offer it again after the revision the leader asked for. */
export function canOfferMaterial(
	actor: Actor | null,
	place: MaterialPlace,
	status: MaterialStatus
): boolean {
	return (
		canEditMaterial(actor, place, status) && (status === 'draft' || status === 'revision_requested')
	);
}

/** The leader decides (§3.5): review, revision, acceptance for the collection, archive. */
export function canDecideMaterial(
	actor: Actor | null,
	place: MaterialPlace,
	status: MaterialStatus
): boolean {
	return actor !== null && place.role === 'leader' && status !== 'draft';
}

/** Every member gives opinions (§3.3), external members too. */
export function canCommentMaterial(
	actor: Actor | null,
	place: MaterialPlace,
	status: MaterialStatus
): boolean {
	return actor !== null && place.role !== null && status !== 'draft';
}

/** A structured review: any member but the material's own authors, while it is judged. */
export function canReviewMaterial(
	actor: Actor | null,
	place: MaterialPlace,
	status: MaterialStatus
): boolean {
	return actor !== null && place.role !== null && !place.isAuthor && inReview.includes(status);
}

/** The leader (and the administration) set the review criteria of the group (§5.4). */
export function canSetCriteria(actor: Actor | null, place: GroupPlace): boolean {
	return canManageGroup(actor, place);
}
