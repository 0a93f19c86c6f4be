import type { Actor } from './actor';
import { isSchoolAdmin, isStaff } from './actor';

/** What a rule may look at: the actor and the route's parameters. */
export interface AccessContext {
	actor: Actor | null;
	params: Record<string, string>;
}

/**
 * A named check. Rules are coarse (role-level); the use case behind the route checks the
 * exact target (e.g. that a staff member belongs to the admin's school) in its policy.
 */
export interface Rule {
	name: string;
	allows(context: AccessContext): boolean | Promise<boolean>;
}

function rule(name: string, allows: Rule['allows']): Rule {
	return { name, allows };
}

export const anyone = rule('anyone', () => true);
export const signedIn = rule('signed-in', ({ actor }) => actor !== null);
export const schoolStaff = rule('school-staff', ({ actor }) => isStaff(actor));
export const schoolAdmin = rule('school-admin', ({ actor }) => isSchoolAdmin(actor));
export const operator = rule('operator', ({ actor }) => actor?.isOperator === true);
