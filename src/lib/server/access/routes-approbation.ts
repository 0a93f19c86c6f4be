import type { RouteAccess } from './routes';
import { signedIn } from './rules';

/** C5 (§4.1, §5.4: approbations, observations and results): the use cases decide by group and role. */
export const approbationRoutes: Record<string, RouteAccess> = {
	'/(app)/groups/[groupId]/approbations': { page: signedIn },
	'/(app)/groups/[groupId]/approbations/new': { page: signedIn, actions: { default: signedIn } },
	'/(app)/groups/[groupId]/approbations/[approbationId]': {
		page: signedIn,
		actions: { upload: signedIn, removeFile: signedIn, ask: signedIn },
		bodies: { upload: 'uploads' }
	},
	'/(app)/groups/[groupId]/approbations/[approbationId]/edit': {
		page: signedIn,
		actions: { save: signedIn }
	},
	'/(app)/groups/[groupId]/approbations/[approbationId]/observe': {
		page: signedIn,
		actions: { default: signedIn }
	},
	'/(app)/groups/[groupId]/approbations/[approbationId]/files/[fileId]': {
		endpoint: { GET: signedIn }
	},
	'/(app)/groups/[groupId]/results': { page: signedIn },
	'/(app)/groups/[groupId]/materials/[materialId]/results': { page: signedIn }
};
