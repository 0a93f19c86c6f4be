import type { Actor } from '../../access/actor';
import { isSchoolAdmin } from '../../access/actor';
import { AppError } from '../../errors';

// Who may do what with accounts. Pure: no database, so every rule is easy to test.

type Target = { schoolId: string | null };
type Account = Target & { id: string; isOperator?: boolean };

/** Admins manage the staff of their own school; operators manage schools' admins. */
export function canManageStaffOf(actor: Actor | null, schoolId: string | null): boolean {
	return isSchoolAdmin(actor, schoolId) || (actor?.isOperator === true && schoolId !== null);
}

export function canInviteStaff(actor: Actor | null, schoolId: string | null): boolean {
	return canManageStaffOf(actor, schoolId);
}

/** A school admin sees every account of the school, the operator's too (without managing it). */
export function canSeeStaffMember(actor: Actor | null, target: Target): boolean {
	return canManageStaffOf(actor, target.schoolId);
}

/**
 * Why an actor may not act on an account (reset link, role, deactivation, reactivation,
 * operator rights), or null when they may. The operator is a role of its own (issue 16):
 * a school admin could otherwise reset, demote or deactivate the deployment's operator and
 * take the deployment over, so only another operator manages an operator's account.
 * Nobody acts on their own account: it would lock the school out by accident.
 */
export function accountActionRefusal(
	actor: Actor | null,
	target: Account
): 'not_found' | 'self' | 'operator_only' | null {
	if (!actor) return 'not_found';
	const visible =
		canManageStaffOf(actor, target.schoolId) || (actor.isOperator && target.isOperator === true);
	if (!visible) return 'not_found';
	if (actor.id === target.id) return 'self';
	if (target.isOperator && !actor.isOperator) return 'operator_only';
	return null;
}

export function canChangeStatusOf(actor: Actor | null, target: Account): boolean {
	return accountActionRefusal(actor, target) === null;
}

export function canIssuePasswordReset(actor: Actor | null, target: Account): boolean {
	return canChangeStatusOf(actor, target);
}

/** Throws the refusal as the web shows it: 404 unseen, 403 one's own or an operator's account. */
export function assertCanActOn(actor: Actor | null, target: Account | undefined): void {
	const refusal = target ? accountActionRefusal(actor, target) : 'not_found';
	if (refusal === 'not_found') throw new AppError('not_found', 'error_not_found');
	if (refusal === 'self') throw new AppError('forbidden', 'error_cannot_change_self');
	if (refusal === 'operator_only') throw new AppError('forbidden', 'operator_error_operator_only');
}

/** Granting and revoking operator rights, and the deployment's security settings. */
export function canManageOperators(actor: Actor | null): boolean {
	return actor?.isOperator === true;
}
