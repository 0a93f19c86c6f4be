import { enforceAccess } from '$lib/server/web/denied';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	// Reading the path makes this run on every navigation, so the check is never skipped.
	void url.pathname;
	enforceAccess(locals);
};
