import type { RouteAccess } from './routes';
import { signedIn } from './rules';

/** Issue 18 (Word import on the "new material" page): routes of this part. */
export const importRoutes: Record<string, RouteAccess> = {
	// The page of a new material's .doc being converted; its use case admits the authors only.
	'/(app)/groups/[groupId]/materials/new/word/[jobId]': { page: signedIn }
};
