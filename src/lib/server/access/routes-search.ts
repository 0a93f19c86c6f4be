import type { RouteAccess } from './routes';

/** C8 (search): filled by issue 15's search part. */
export const searchRoutes: Record<string, RouteAccess> = {};
