import type { RouteAccess } from './routes';

/** Issue 16 (web): routes of this part. */
export const webRoutes: Record<string, RouteAccess> = {};
