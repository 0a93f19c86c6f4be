import { database } from '$lib/server/db';
import { listGroups, type GroupFilter } from '$lib/server/domain/groups/list-groups';
import { collator } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { formatDay } from '$lib/server/web/days';
import type { PageServerLoad } from './$types';

const filters: GroupFilter[] = ['active', 'mine', 'closed', 'all'];

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const show = filters.find((f) => f === url.searchParams.get('show')) ?? 'active';
	const groups = await listGroups(database(), actor, show);
	const order = collator(locals.locale);
	return {
		show,
		canCreate: actor.role === 'admin' && actor.schoolId !== null,
		groups: groups
			.sort((a, b) => Number(a.isClosed) - Number(b.isClosed) || order.compare(a.name, b.name))
			.map((g) => ({ ...g, startedOn: formatDay(g.startedOn, locals.locale) }))
	};
};
