import { error, redirect } from '@sveltejs/kit';
import { translate } from './i18n';

/**
 * Called by the route-group layouts. hooks.server.ts decided access from routeAccess; for a
 * page a signed-in user may not see, it is answered here so the 403 renders translated inside
 * the app shell.
 */
export function enforceAccess(locals: App.Locals): void {
	if (locals.denied)
		error(403, { message: translate('error_forbidden'), requestId: locals.requestId });
}

export function requireActor(locals: App.Locals) {
	enforceAccess(locals);
	if (!locals.actor) redirect(303, '/signin');
	return locals.actor;
}
