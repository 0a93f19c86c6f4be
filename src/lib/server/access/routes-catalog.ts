import type { RouteAccess } from './routes';

/** C7 (catalog): the use cases decide by audience, school, group and role. */
export const catalogRoutes: Record<string, RouteAccess> = {};
