import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { listThreads } from '$lib/server/domain/discussions/list-threads';
import { startThread } from '$lib/server/domain/discussions/start-thread';
import { formatDateTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { proposalStatusName, proposalStatusTone } from '$lib/server/web/proposal-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const { timeZone } = config();
	const list = await orHttpError(listThreads(database(), actor, params.groupId));
	const base = `/groups/${params.groupId}`;
	return {
		threads: list.threads.map((t) => ({
			id: t.id,
			title: t.title,
			href: t.proposalId
				? `${base}/proposals/${t.proposalId}#discussion`
				: `${base}/discussions/${t.id}`,
			proposalNumber: t.proposalNumber,
			proposalStatus: t.proposalStatus ? proposalStatusName(t.proposalStatus) : null,
			proposalTone: t.proposalStatus ? proposalStatusTone(t.proposalStatus) : '',
			authorName: t.authorName,
			postCount: t.postCount,
			lastPostAt: t.lastPostAt ? formatDateTime(t.lastPostAt, locals.locale, timeZone) : null,
			createdAt: formatDateTime(t.createdAt, locals.locale, timeZone)
		})),
		canStart: list.canStart
	};
};

export const actions: Actions = {
	start: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const started = await runForm(request, (values) =>
			startThread(database(), actor, params.groupId, values)
		);
		if ('threadId' in started)
			redirect(303, `/groups/${params.groupId}/discussions/${started.threadId}`);
		return started;
	}
};
