import { getHome } from '$lib/server/domain/accounts/get-home';
import { listMyGroups } from '$lib/server/domain/groups/list-my-groups';
import { config } from '$lib/server/config.js';
import { formatDateTime } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const ctx = actorCtx(locals);
	// What needs the user now: the groups they are in or invited to.
	const [home, groups] = await Promise.all([getHome(ctx), listMyGroups(ctx)]);
	const myGroups = groups.map(({ nextDeadline, ...group }) => ({
		...group,
		nextDeadline: nextDeadline
			? formatDateTime(nextDeadline, locals.locale, config().timeZone)
			: null
	}));
	return { home, myGroups };
};
