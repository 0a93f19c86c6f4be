import type { RouteAccess } from './routes';

/** C5 (§5.3: information-collection forms and questionnaires): the use cases decide by group and role. */
export const formRoutes: Record<string, RouteAccess> = {};
