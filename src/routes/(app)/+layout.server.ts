import { redirect } from '@sveltejs/kit';
import { requireActor } from '$lib/server/web/denied';
import { mustSetUpTwoFactor } from '$lib/server/web/two-factor-gate';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url, route }) => {
	// Reading the path makes this run on every navigation, so the check is never skipped.
	void url.pathname;
	requireActor(locals);
	// Also checked in hooks for actions; here for client-side navigations too.
	if (mustSetUpTwoFactor(locals, route.id)) redirect(303, '/profile/security');
};
