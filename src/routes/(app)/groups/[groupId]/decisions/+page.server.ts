import { config } from '$lib/server/config.js';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { listDecisions } from '$lib/server/domain/votes/list-decisions';
import { ballots } from '$lib/server/secrets';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import { decisionCard } from '$lib/server/web/vote-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const entries = await orHttpError(
		listDecisions(actorCtx(locals), { groupId: asId<GroupId>(params.groupId), seal: ballots() })
	);
	return {
		decisions: entries.map((entry) => decisionCard(entry, locals.locale, config().timeZone))
	};
};
