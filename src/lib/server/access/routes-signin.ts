import type { RouteAccess } from './routes';

/** Issue 16 (signin): routes of this part. */
export const signinRoutes: Record<string, RouteAccess> = {};
