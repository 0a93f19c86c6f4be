import type { RouteAccess } from './routes';

/** C8 (telegram): filled by issue 15's telegram part. */
export const telegramRoutes: Record<string, RouteAccess> = {};
