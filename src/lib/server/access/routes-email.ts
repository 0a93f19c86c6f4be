import type { RouteAccess } from './routes';

/** C8 (email): filled by issue 15's email part. */
export const emailRoutes: Record<string, RouteAccess> = {};
