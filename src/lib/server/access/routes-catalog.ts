import type { RouteAccess } from './routes';
import { anyone } from './rules';

/**
 * C7 (catalog): the public catalog holds only publications to interested parties (the search
 * index has nothing else), so anyone, signed in or not, may search it.
 */
export const catalogRoutes: Record<string, RouteAccess> = {
	'/(public)/catalog': { page: anyone }
};
