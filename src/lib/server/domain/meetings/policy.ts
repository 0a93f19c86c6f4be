import type { Actor } from '../../access/actor';
import { config } from '../../config.js';
import { toWallClock } from '../../zoned';
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

/**
 * Calling a meeting off belongs to those who may change its day and place (the leader,
 * the administration, the meeting's secretary): cancelling is the last such change.
 */
export const canCancelMeeting = canKeepMinutes;

/**
 * Whether the meeting's day (and time, when set) has come, on the school's clock: then it
 * took place, or should have, and is not called off. Without a time, not on its own day.
 */
export function hasBegun(
	meeting: { heldOn: string; startTime: string | null },
	now: Date
): boolean {
	const [today, clock] = toWallClock(now, config().timeZone).split('T') as [string, string];
	if (meeting.heldOn !== today) return meeting.heldOn < today;
	return meeting.startTime !== null && meeting.startTime <= clock;
}
