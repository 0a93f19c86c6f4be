import type { RouteAccess } from './routes';

/** C7 (machines): the use cases decide by audience, school, group and role. */
export const machinesRoutes: Record<string, RouteAccess> = {};
