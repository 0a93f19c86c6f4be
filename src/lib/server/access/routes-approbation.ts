import type { RouteAccess } from './routes';

/** C5 (§4.1, §5.4: approbations, observations and results): the use cases decide by group and role. */
export const approbationRoutes: Record<string, RouteAccess> = {};
