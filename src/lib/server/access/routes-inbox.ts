import type { RouteAccess } from './routes';
import { signedIn } from './rules';

/**
 * C8 (inbox): a person's own notifications. Anyone signed in has an inbox; the use cases
 * answer 404 for a notification that is not the actor's own.
 */
export const inboxRoutes: Record<string, RouteAccess> = {
	'/(app)/inbox': { page: signedIn, actions: { read: signedIn, readAll: signedIn } },
	'/(app)/inbox/[notificationId]': { page: signedIn }
};
