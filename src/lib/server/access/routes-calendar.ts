import type { RouteAccess } from './routes';

/** C8 (calendar): filled by issue 15's calendar part. */
export const calendarRoutes: Record<string, RouteAccess> = {};
