import type { Actor } from '../../access/actor';
import { isSchoolAdmin } from '../../access/actor';

/** Operators manage all schools of the deployment; an admin edits only their own school. */
export function canManageSchools(actor: Actor | null): boolean {
	return actor?.isOperator === true;
}

export function canEditSchool(actor: Actor | null, schoolId: string): boolean {
	return canManageSchools(actor) || isSchoolAdmin(actor, schoolId);
}
