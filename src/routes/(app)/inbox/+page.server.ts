import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { formatDateTime } from '$lib/i18n/format';
import { notificationDetails } from '$lib/server/domain/inbox/details';
import { notificationInput } from '$lib/server/domain/inbox/input';
import { listInbox } from '$lib/server/domain/inbox/list-inbox';
import { markAllRead } from '$lib/server/domain/inbox/mark-all-read';
import { markRead } from '$lib/server/domain/inbox/mark-read';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

/** The person's notifications: unread first, 30 a page; each opens through /inbox/<id>. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const inbox = await orHttpError(
		listInbox(actorCtx(locals), { page: url.searchParams.get('page') ?? undefined })
	);
	return {
		...inbox,
		items: inbox.items.map((i) => ({
			id: i.id,
			label: translate(i.labelKey),
			subject: i.subject,
			details: notificationDetails(i.kind, i.params, locals.locale, config().timeZone),
			groupName: i.groupName,
			actorName: i.actorName,
			createdAt: i.createdAt.toISOString(),
			when: formatDateTime(i.createdAt, locals.locale, config().timeZone),
			isRead: i.isRead
		})),
		marked: url.searchParams.get('read')
	};
};

/** Back to the page the person was on, saying what was done. */
const back = (url: URL, read: string) => {
	const page = Number(url.searchParams.get('page'));
	return `/inbox?${page > 1 ? `page=${page}&` : ''}read=${read}`;
};

export const actions: Actions = {
	read: async (event) => {
		const ctx = actorCtx(event.locals);
		const result = await runForm(
			event,
			async (values) => {
				await markRead(ctx, formInput(notificationInput, values));
				return null;
			},
			{ id: 'notificationId' }
		);
		if (result) return result;
		redirect(303, back(event.url, 'one'));
	},
	readAll: async (event) => {
		await markAllRead(actorCtx(event.locals));
		redirect(303, back(event.url, 'all'));
	}
};
