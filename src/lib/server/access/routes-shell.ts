import type { RouteAccess } from './routes';

// Routes added by issue 17's shell part.
export const shellRoutes: Record<string, RouteAccess> = {};
