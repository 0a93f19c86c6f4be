import type { RouteAccess } from './routes';

/** Issue 16 (privacy): routes of this part. */
export const privacyRoutes: Record<string, RouteAccess> = {};
