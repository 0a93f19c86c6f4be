import type { RouteAccess } from './routes';

// Routes added by issue 17's work part.
export const workRoutes: Record<string, RouteAccess> = {};
