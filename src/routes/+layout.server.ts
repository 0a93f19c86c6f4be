import { isStaff } from '$lib/server/access/actor';
import { database } from '$lib/server/db';
import { countUnread } from '$lib/server/domain/inbox/count-unread';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	// Reading the path runs this on every navigation too, so the bell's count stays current
	// (one indexed count, compiled once: domain/inbox/count-unread.ts).
	void url.pathname;
	const actor = locals.actor;
	return {
		locale: locals.locale,
		requestId: locals.requestId,
		user: actor
			? {
					fullName: actor.fullName,
					isAdmin: actor.role === 'admin',
					// Teachers and the administration of a school see its staff publications.
					isStaff: isStaff(actor),
					isOperator: actor.isOperator,
					// Staff see their school's groups; scientists and consultants the groups they are in.
					hasGroups:
						actor.schoolId !== null || actor.role === 'scientist' || actor.role === 'consultant',
					unread: await countUnread({ db: database(), actor })
				}
			: null
	};
};
