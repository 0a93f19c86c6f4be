import type { RouteAccess } from './routes';
import { signedIn } from './rules';

/**
 * C8 (search): search everywhere. Any signed-in person may search; what they find is decided
 * by the policies of each group's pages (search/workspace-search.ts).
 */
export const searchRoutes: Record<string, RouteAccess> = {
	'/(app)/search': { page: signedIn }
};
