import type { Actor } from '../../access/actor';
import { canManageGroup, canSeeMeetings, type GroupPlace } from '../group-access/policy';

// Meetings: members and the administration read them; the leader (or administration)
// calls them; the meeting's secretary also keeps its minutes.

export { canSeeMeetings };

export function canCallMeeting(actor: Actor | null, place: GroupPlace): boolean {
	return canManageGroup(actor, place);
}

export function canKeepMinutes(
	actor: Actor | null,
	place: GroupPlace,
	meeting: { secretaryId: string | null }
): boolean {
	return (
		canManageGroup(actor, place) ||
		(actor !== null && place.role !== null && meeting.secretaryId === actor.id)
	);
}
