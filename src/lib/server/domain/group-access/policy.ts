import type { Actor } from '../../access/actor';
import { isSchoolAdmin, isStaff } from '../../access/actor';
import type { GroupRole } from '../../db/types';

// Who may do what in a creative group. Pure: the caller loads the actor's place in the
// group (GroupPlace) once; every rule here is a table in policy tests. Whether the group
// is closed is checked by the use cases (a clear "the group is closed" answer), not here.

export interface GroupPlace {
	schoolId: string;
	/** The actor's current role in the group, or null. */
	role: GroupRole | null;
	/** The actor was a member once and left. */
	isFormerMember: boolean;
	/** An invitation waits for the actor's answer (a scientist must see what to accept). */
	isInvited: boolean;
}

/** §3.1: the school administration creates groups. */
export function canCreateGroup(actor: Actor | null, schoolId: string): boolean {
	return isSchoolAdmin(actor, schoolId);
}

/** The school's staff see its groups (§3.2); members and former members see theirs. */
export function canSeeGroup(actor: Actor | null, place: GroupPlace): boolean {
	return (
		actor !== null &&
		(isStaff(actor, place.schoolId) ||
			place.role !== null ||
			place.isFormerMember ||
			place.isInvited)
	);
}

/** The leader and the school administration run the group (§3.5, §3.1). */
export function canManageGroup(actor: Actor | null, place: GroupPlace): boolean {
	return isSchoolAdmin(actor, place.schoolId) || (actor !== null && place.role === 'leader');
}

/** Meetings and minutes are the group's own work: members and the administration. */
export function canSeeMeetings(actor: Actor | null, place: GroupPlace): boolean {
	return isSchoolAdmin(actor, place.schoolId) || (actor !== null && place.role !== null);
}

/** §3.5: the administration appoints and replaces the leader. */
export function canChangeLeader(actor: Actor | null, place: GroupPlace): boolean {
	return isSchoolAdmin(actor, place.schoolId);
}

/** §3.2, §5.1: joining is voluntary; any teacher of the school may ask. */
export function canRequestToJoin(actor: Actor | null, place: GroupPlace): boolean {
	return isStaff(actor, place.schoolId) && place.role === null;
}

/** A member may leave; the leader is replaced first so the group is never without one. */
export function canLeave(actor: Actor | null, place: GroupPlace): boolean {
	return actor !== null && place.role === 'member';
}

export function canReopen(actor: Actor | null, place: GroupPlace): boolean {
	return isSchoolAdmin(actor, place.schoolId);
}

/** Proposals, discussions and votes are the group's own work: members and the administration. */
export function canSeeGroupWork(actor: Actor | null, place: GroupPlace): boolean {
	return canSeeMeetings(actor, place);
}

/** The leader opens a vote, closes it and words the decision; the administration does not. */
export function canRunVotes(actor: Actor | null, place: GroupPlace): boolean {
	return actor !== null && place.role === 'leader';
}
