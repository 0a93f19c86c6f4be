import { redirect } from '@sveltejs/kit';
import { asId } from '$lib/server/domain/ids';
import type { NotificationId } from '$lib/server/domain/inbox/input';
import { openNotification } from '$lib/server/domain/inbox/open-notification';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { PageServerLoad } from './$types';

/**
 * Opening a notification from the inbox (or a mail): marked read, then on to the thing it
 * names. A link, so it works without JavaScript; the inbox turns off preloading for it, so
 * pointing at it does not mark it read.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const link = await orHttpError(
		openNotification(actorCtx(locals), {
			notificationId: asId<NotificationId>(params.notificationId)
		})
	);
	redirect(303, link);
};
