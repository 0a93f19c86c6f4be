import { config } from '$lib/server/config.js';
import { listMyMaterials } from '$lib/server/domain/materials/list-my-materials';
import { formatDate } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { materialStatusName, materialTypeName, statusTone } from '$lib/server/web/material-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const lists = await listMyMaterials(actorCtx(locals), {});
	const line = (r: (typeof lists.mine)[number] & { authorName?: string }) => ({
		id: r.id,
		href: `/groups/${r.groupId}/materials/${r.id}`,
		title: r.title,
		groupName: r.groupName,
		authorName: r.authorName,
		type: materialTypeName(r.type),
		status: materialStatusName(r.status),
		tone: statusTone(r.status),
		updated: formatDate(r.updatedAt, locals.locale, config().timeZone)
	});
	return {
		view: url.searchParams.get('view') === 'waiting' ? 'waiting' : 'mine',
		mine: lists.mine.map(line),
		waiting: lists.waiting.map(line)
	};
};
