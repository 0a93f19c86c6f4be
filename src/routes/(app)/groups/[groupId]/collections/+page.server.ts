import { config } from '$lib/server/config.js';
import { listCollections } from '$lib/server/domain/collections/list-collections';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { formatDateTime } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const view = await orHttpError(
		listCollections(actorCtx(locals), { groupId: asId<GroupId>(params.groupId) })
	);
	const { timeZone } = config();
	return {
		canCreate: view.canCreate,
		collections: view.collections.map((c) => ({
			...c,
			updatedAt: formatDateTime(c.updatedAt, locals.locale, timeZone)
		}))
	};
};
