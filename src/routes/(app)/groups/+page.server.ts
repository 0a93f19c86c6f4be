import { groupFilters } from '$lib/server/domain/groups/input';
import { listGroupCards } from '$lib/server/domain/groups/list-group-cards';
import { collator } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { formatDay } from '$lib/server/web/days';
import { faceOf } from '$lib/server/web/faces';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = actorCtx(locals);
	const { actor } = ctx;
	const show = groupFilters.find((f) => f === url.searchParams.get('show')) ?? 'active';
	const groups = await listGroupCards(ctx, { filter: show });
	const order = collator(locals.locale);
	return {
		show,
		canCreate: actor.role === 'admin' && actor.schoolId !== null,
		groups: groups
			.sort((a, b) => Number(a.isClosed) - Number(b.isClosed) || order.compare(a.name, b.name))
			.map((g) => ({
				...g,
				startedOn: formatDay(g.startedOn, locals.locale),
				leader: g.leader ? faceOf(g.leader) : null
			}))
	};
};
