import type { RouteAccess } from './routes';

/** Issue 16 (docx): routes of this part. */
export const docxRoutes: Record<string, RouteAccess> = {};
