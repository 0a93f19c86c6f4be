import { database } from '$lib/server/db';
import { getHome } from '$lib/server/domain/accounts/get-home';
import { requireActor } from '$lib/server/web/denied';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	return { home: await getHome(database(), actor) };
};
