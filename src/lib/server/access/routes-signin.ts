import type { RouteAccess } from './routes';
import { anyone, signedIn } from './rules';

/** Issue 16 (signin): the second step of sign-in, and one's own two-factor settings. */
export const signinRoutes: Record<string, RouteAccess> = {
	'/(public)/signin/code': { page: anyone, actions: { default: anyone } },
	'/(app)/profile/security': {
		page: signedIn,
		actions: { start: signedIn, confirm: signedIn, regenerate: signedIn, disable: signedIn }
	}
};
