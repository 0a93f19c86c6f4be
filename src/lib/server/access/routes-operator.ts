import type { RouteAccess } from './routes';

/** Issue 16 (operator): routes of this part. */
export const operatorRoutes: Record<string, RouteAccess> = {};
