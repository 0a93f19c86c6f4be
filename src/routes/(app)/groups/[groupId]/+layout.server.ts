import { database } from '$lib/server/db';
import { getGroupHeader } from '$lib/server/domain/groups/get-group-header';
import { requireActor } from '$lib/server/web/denied';
import { orHttpError } from '$lib/server/web/load';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params, url }) => {
	void url.pathname; // rerun on every navigation: the tabs follow what the user may do now
	const actor = requireActor(locals);
	return { group: await orHttpError(getGroupHeader(database(), actor, params.groupId)) };
};
