import type { Actor } from '../../access/actor';
import { isSchoolAdmin } from '../../access/actor';

// Who may do what with accounts. Pure: no database, so every rule is easy to test.

type Target = { schoolId: string | null };

/** Admins manage the staff of their own school; operators manage schools' admins. */
export function canManageStaffOf(actor: Actor | null, schoolId: string | null): boolean {
	return isSchoolAdmin(actor, schoolId) || (actor?.isOperator === true && schoolId !== null);
}

export function canInviteStaff(actor: Actor | null, schoolId: string | null): boolean {
	return canManageStaffOf(actor, schoolId);
}

export function canSeeStaffMember(actor: Actor | null, target: Target): boolean {
	return canManageStaffOf(actor, target.schoolId);
}

/** Nobody deactivates or demotes themselves: it would lock the school out by accident. */
export function canChangeStatusOf(actor: Actor | null, target: Target & { id: string }): boolean {
	return actor !== null && actor.id !== target.id && canManageStaffOf(actor, target.schoolId);
}

export function canIssuePasswordReset(
	actor: Actor | null,
	target: Target & { id: string }
): boolean {
	return canChangeStatusOf(actor, target);
}
