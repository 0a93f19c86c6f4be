import type { Actor } from '../access/actor';
import { isSchoolAdmin } from '../access/actor';

// Who may export or erase a person's data. Pure: no database.

interface Target {
	id: string;
	schoolId: string | null;
	isOperator: boolean;
}

/**
 * An admin handles requests of their own school's people, the operator anyone's. A school
 * admin never reaches the operator (issue 16, finding 1: the operator is no school's to manage).
 */
export function canHandleDataRequestOf(actor: Actor, target: Target): boolean {
	if (actor.isOperator) return true;
	return !target.isOperator && target.schoolId !== null && isSchoolAdmin(actor, target.schoolId);
}

/** Everyone exports their own data; an admin or the operator exports it for a request. */
export function canExportDataOf(actor: Actor, target: Target): boolean {
	return actor.id === target.id || canHandleDataRequestOf(actor, target);
}
