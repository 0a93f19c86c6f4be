import type { RouteAccess } from './routes';
import { anyone, schoolStaff, signedIn } from './rules';

/**
 * C7 (§3.4: results made known). Publishing is decided by the use cases (the leader, the
 * school's administration); reading by each publication's audience (anyone, or the school's
 * staff), so the publication pages are open to anyone and the use case answers 404 or asks
 * a signed-out visitor to sign in.
 */
export const publicationsRoutes: Record<string, RouteAccess> = {
	'/(app)/groups/[groupId]/publications': {
		page: signedIn,
		actions: { publish: signedIn, withdraw: signedIn, unpublish: signedIn }
	},
	'/(app)/consents': { page: signedIn },
	'/(app)/school-work': { page: schoolStaff },
	'/(public)/p/[code]': { page: anyone, actions: { consent: signedIn } },
	'/(public)/p/[code]/read': { page: anyone },
	'/(public)/p/[code]/print': { page: anyone },
	'/(public)/p/[code]/images/[key]': { endpoint: { GET: anyone } },
	'/(public)/p/[code]/publication.pdf': { endpoint: { GET: anyone } },
	'/(public)/p/[code]/publication.docx': { endpoint: { GET: anyone } },
	'/(public)/s/[slug]': { page: anyone }
};
