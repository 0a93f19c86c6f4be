import { database } from '$lib/server/db';
import { getHome } from '$lib/server/domain/accounts/get-home';
import { listGroups } from '$lib/server/domain/groups/list-groups';
import { requireActor } from '$lib/server/web/denied';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	const db = database();
	const [home, groups] = await Promise.all([
		getHome(db, actor),
		// An operator of no school has no groups: skip the query.
		actor.schoolId !== null || actor.role !== null ? listGroups(db, actor, 'active') : []
	]);
	return {
		home,
		// What needs the user now: the groups they are in or invited to.
		myGroups: groups
			.filter((g) => g.myRole !== null || g.hasInvitation)
			.map((g) => ({
				id: g.id,
				name: g.name,
				myRole: g.myRole,
				hasInvitation: g.hasInvitation,
				pendingRequests: g.pendingRequests
			}))
	};
};
