import type { RouteAccess } from './routes';
import { operator, schoolAdmin } from './rules';

/**
 * C8 (audit): the administration reads its school's log, the operator the deployment's;
 * audit/policy.ts checks the scope again.
 */
export const auditRoutes: Record<string, RouteAccess> = {
	'/(app)/admin/audit': { page: schoolAdmin },
	'/(app)/admin/audit/audit.csv': { endpoint: { GET: schoolAdmin } },
	'/(app)/operator/audit': { page: operator },
	'/(app)/operator/audit/audit.csv': { endpoint: { GET: operator } }
};
