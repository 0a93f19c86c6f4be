import type { RouteAccess } from './routes';

/** C7 (documents): the use cases decide by audience, school, group and role. */
export const documentsRoutes: Record<string, RouteAccess> = {};
