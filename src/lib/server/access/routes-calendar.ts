import type { RouteAccess } from './routes';
import { anyone, signedIn } from './rules';

/**
 * C8 (calendar). The feed is reached without a session (calendar apps send no cookies): its
 * token is the credential, checked by the use case, which answers 404 to any other address.
 * The settings page is the signed-in person's own.
 */
export const calendarRoutes: Record<string, RouteAccess> = {
	'/calendar/[file]': { endpoint: { GET: anyone, HEAD: anyone } },
	'/(app)/profile/calendar': {
		page: signedIn,
		actions: { create: signedIn, revoke: signedIn }
	}
};
