import type { RouteAccess } from './routes';

// Routes added by issue 17's group part.
export const groupRoutes: Record<string, RouteAccess> = {};
