import type { RouteAccess } from './routes';

/** Issue 16 (ballot): routes of this part. */
export const ballotRoutes: Record<string, RouteAccess> = {};
