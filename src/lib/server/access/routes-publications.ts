import type { RouteAccess } from './routes';

/** C7 (publications): the use cases decide by audience, school, group and role. */
export const publicationsRoutes: Record<string, RouteAccess> = {};
