import type { RouteAccess } from './routes';
import { signedIn } from './rules';

/**
 * C7 (documents): an accepted material's own DOCX, PDF and print view. Signed in here; the
 * use case checks the rest as the material page does (404 for another school or another's
 * draft, 403 for the staff, 409 while the material is not accepted).
 */
export const documentsRoutes: Record<string, RouteAccess> = {
	'/(app)/groups/[groupId]/materials/[materialId]/material.docx': { endpoint: { GET: signedIn } },
	'/(app)/groups/[groupId]/materials/[materialId]/material.pdf': { endpoint: { GET: signedIn } },
	'/(app)/groups/[groupId]/materials/[materialId]/print': { page: signedIn }
};
