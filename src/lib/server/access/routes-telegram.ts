import type { RouteAccess } from './routes';
import { signedIn } from './rules';

/**
 * C8 (telegram): one's own Telegram link. Every signed-in person may use the page; the use
 * cases act on the actor's own link only (nothing in the request names another account).
 */
export const telegramRoutes: Record<string, RouteAccess> = {
	'/(app)/profile/telegram': {
		page: signedIn,
		actions: { start: signedIn, unlink: signedIn }
	}
};
