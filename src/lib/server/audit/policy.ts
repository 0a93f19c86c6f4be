import type { Actor } from '../access/actor';
import { isSchoolAdmin } from '../access/actor';
import { AppError } from '../errors';

/**
 * Whose log the actor may read: the administration its own school's (entries that belong
 * to it: its people, groups and their work); the operator the whole deployment's (null:
 * no school limit). Anyone else: refused.
 */
export function auditReach(
	actor: Actor,
	scope: 'school' | 'deployment'
): { schoolId: string | null } {
	if (scope === 'deployment' && actor.isOperator) return { schoolId: null };
	if (scope === 'school' && isSchoolAdmin(actor)) return { schoolId: actor.schoolId };
	throw new AppError('forbidden', 'error_forbidden');
}
