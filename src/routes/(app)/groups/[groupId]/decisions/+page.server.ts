import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { listDecisions } from '$lib/server/domain/votes/list-decisions';
import { ballots } from '$lib/server/secrets';
import { requireActor } from '$lib/server/web/denied';
import { orHttpError } from '$lib/server/web/load';
import { decisionCard } from '$lib/server/web/vote-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const entries = await orHttpError(listDecisions(database(), ballots(), actor, params.groupId));
	return {
		decisions: entries.map((entry) => decisionCard(entry, locals.locale, config().timeZone))
	};
};
