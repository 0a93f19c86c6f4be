import { config } from '$lib/server/config.js';
import { proposalFilter } from '$lib/server/domain/proposals/input';
import { listProposals } from '$lib/server/domain/proposals/list-proposals';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { formatDate } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import {
	proposalKindName,
	proposalStatusName,
	proposalStatusOptions,
	proposalStatusTone
} from '$lib/server/web/proposal-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = actorCtx(locals);
	const filter = proposalFilter.parse(Object.fromEntries(url.searchParams));
	const list = await orHttpError(
		listProposals(ctx, { groupId: asId<GroupId>(params.groupId), ...filter })
	);
	return {
		status: filter.status ?? '',
		proposals: list.proposals.map((p) => ({
			id: p.id,
			number: p.number,
			title: p.title,
			kind: proposalKindName(p.kind),
			status: proposalStatusName(p.status),
			tone: proposalStatusTone(p.status),
			authorName: p.authorName,
			postCount: p.postCount,
			date: formatDate(p.createdAt, locals.locale, config().timeZone)
		})),
		canPropose: list.canPropose,
		statuses: proposalStatusOptions()
	};
};
