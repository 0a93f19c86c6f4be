import type { RouteAccess } from './routes';
import { operator } from './rules';

/**
 * Issue 16 (operator): the deployment's operators and its security settings. Operators only;
 * the use cases check again (an operator's account is managed by another operator only).
 */
export const operatorRoutes: Record<string, RouteAccess> = {
	'/(app)/operator/operators': {
		page: operator,
		actions: {
			grant: operator,
			revoke: operator,
			reset: operator,
			deactivate: operator,
			reactivate: operator
		}
	},
	'/(app)/operator/security': { page: operator, actions: { save: operator } }
};
