import type { RouteAccess } from './routes';

// Routes added by issue 17's home part.
export const homeRoutes: Record<string, RouteAccess> = {};
