import { config } from '$lib/server/config.js';
import { startThreadInput } from '$lib/server/domain/discussions/input';
import { listThreads } from '$lib/server/domain/discussions/list-threads';
import { startThread } from '$lib/server/domain/discussions/start-thread';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { formatDateTime } from '$lib/i18n/format';
import { redirectConfirmed } from '$lib/server/web/form-results';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { proposalStatusName, proposalStatusTone } from '$lib/server/web/proposal-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { timeZone } = config();
	const list = await orHttpError(
		listThreads(actorCtx(locals), { groupId: asId<GroupId>(params.groupId) })
	);
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
	start: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		const started = await runForm(event, (values) =>
			startThread(ctx, formInput(startThreadInput, values, { groupId }))
		);
		if ('threadId' in started)
			await redirectConfirmed(
				event,
				`/groups/${groupId}/discussions/${started.threadId}`,
				'discussion_opened_confirmation'
			);
		return started;
	}
};
