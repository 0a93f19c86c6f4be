import type { RouteAccess } from './routes';
import { anyone, signedIn } from './rules';

/** C8 (email): the person's own notification settings; the unsubscribe link of every mail. */
export const emailRoutes: Record<string, RouteAccess> = {
	// Only ever the signed-in person's own settings: the use cases take no one else's id.
	'/(app)/profile/notifications': { page: signedIn, actions: { default: signedIn } },
	// No sign-in: the signed token in the address is the permission (and mail clients post
	// to it from another site, RFC 8058).
	'/(public)/unsubscribe/[token]': { page: anyone, actions: { default: anyone } }
};
