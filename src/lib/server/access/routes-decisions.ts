import type { RouteAccess } from './routes';

// Routes added by issue 17's decisions part.
export const decisionsRoutes: Record<string, RouteAccess> = {};
