import type { RouteAccess } from './routes';

/** C8 (inbox): filled by issue 15's inbox part. */
export const inboxRoutes: Record<string, RouteAccess> = {};
