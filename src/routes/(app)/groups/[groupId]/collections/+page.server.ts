import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { listCollections } from '$lib/server/domain/collections/list-collections';
import { formatDateTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { orHttpError } from '$lib/server/web/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const view = await orHttpError(listCollections(database(), actor, params.groupId));
	const { timeZone } = config();
	return {
		canCreate: view.canCreate,
		collections: view.collections.map((c) => ({
			...c,
			updatedAt: formatDateTime(c.updatedAt, locals.locale, timeZone)
		}))
	};
};
