import type { RouteAccess } from './routes';

/** C8 (audit): filled by issue 15's audit part. */
export const auditRoutes: Record<string, RouteAccess> = {};
