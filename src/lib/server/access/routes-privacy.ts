import { isSchoolAdmin } from './actor';
import type { RouteAccess } from './routes';
import { operator, schoolAdmin, signedIn, type Rule } from './rules';

/** A school's admin or the operator; privacy/policy.ts checks the exact person. */
const adminOrOperator: Rule = {
	name: 'school-admin-or-operator',
	allows: ({ actor }) => isSchoolAdmin(actor) || actor?.isOperator === true
};

/**
 * Issue 16 (privacy): a person's own data (page, JSON file); an admin's or the operator's
 * handling of a data request (export, erasure); the security events pages.
 */
export const privacyRoutes: Record<string, RouteAccess> = {
	'/(app)/profile/data': { page: signedIn },
	'/(app)/profile/data/personal-data.json': { endpoint: { GET: signedIn } },
	'/(app)/admin/staff/[userId]/privacy': {
		page: adminOrOperator,
		actions: { erase: adminOrOperator }
	},
	'/(app)/admin/staff/[userId]/privacy/personal-data.json': {
		endpoint: { GET: adminOrOperator }
	},
	'/(app)/admin/security': { page: schoolAdmin },
	'/(app)/operator/security-events': { page: operator }
};
