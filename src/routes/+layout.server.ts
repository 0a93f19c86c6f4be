import { isStaff } from '$lib/server/access/actor';
import { database } from '$lib/server/db';
import { listSidebarGroups } from '$lib/server/domain/groups/list-sidebar-groups';
import { countUnread } from '$lib/server/domain/inbox/count-unread';
import type { MessageKey } from '$lib/i18n/messages';
import { translate } from '$lib/server/web/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	// Reading the path runs this on every navigation too, so the bell's count stays current
	// (one indexed count, compiled once: domain/inbox/count-unread.ts).
	void url.pathname;
	const actor = locals.actor;
	// The bell's count and the sidebar's groups: two small indexed queries, side by side.
	const [unread, sidebar] = actor
		? await Promise.all([
				countUnread({ db: database(), actor }),
				listSidebarGroups({ db: database(), actor })
			])
		: [0, null];
	return {
		locale: locals.locale,
		requestId: locals.requestId,
		// A form posted just before (without JavaScript): its result and confirmation.
		formResult: locals.formResult?.result ?? null,
		confirmation: locals.formResult?.confirmation
			? translate(
					locals.formResult.confirmation.key as MessageKey,
					locals.formResult.confirmation.params
				)
			: null,
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
					unread,
					groups: sidebar?.groups ?? [],
					moreGroups: sidebar?.more ?? false
				}
			: null
	};
};
