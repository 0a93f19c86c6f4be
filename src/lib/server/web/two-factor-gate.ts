/** Where a person who must set up two-factor sign-in may still go. */
const setupRoute = '/(app)/profile/security';

/**
 * True when the deployment requires a second factor of this signed-in admin or operator,
 * they have none yet, and the route is a page or action of the app other than the setup.
 */
export function mustSetUpTwoFactor(locals: App.Locals, routeId: string | null): boolean {
	if (!locals.session?.needsTwoFactorSetup) return false;
	return routeId !== null && routeId.startsWith('/(app)/') && routeId !== setupRoute;
}
