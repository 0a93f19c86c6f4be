import type { Actor } from '../../access/actor';
import { canManageGroup, type GroupPlace } from '../group-access/policy';

// The work plan: the leader and the administration plan; the responsible member reports.

export function canManagePlan(actor: Actor | null, place: GroupPlace): boolean {
	return canManageGroup(actor, place);
}

/** The member responsible for an item marks it done or cancelled. */
export function canSetPlanStatus(
	actor: Actor | null,
	place: GroupPlace,
	item: { responsibleId: string | null }
): boolean {
	return (
		canManagePlan(actor, place) ||
		(actor !== null && place.role !== null && item.responsibleId === actor.id)
	);
}
