import { redirect } from '@sveltejs/kit';
import { getNotificationSettings } from '$lib/server/notify/preferences/get-notification-settings';
import { settingsFromForm } from '$lib/server/notify/preferences/input';
import { saveNotificationSettings } from '$lib/server/notify/preferences/save-notification-settings';
import { actorCtx } from '$lib/server/web/context';
import { runForm } from '$lib/server/web/forms';
import { kindLabel } from '$lib/server/notify/email/compose';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const settings = await getNotificationSettings(actorCtx(locals));
	return {
		...settings,
		areas: settings.areas.map((a) => ({
			...a,
			kinds: a.kinds.map((k) => ({ ...k, label: kindLabel(k.kind, locals.locale) }))
		})),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const ctx = actorCtx(event.locals);
		const result = await runForm(event, (values) =>
			// The Telegram boxes count only when the page showed them (Telegram linked).
			saveNotificationSettings(ctx, settingsFromForm(values, values.telegramShown === '1'))
		);
		if (!('saved' in result)) return result;
		redirect(303, '/profile/notifications?saved=1');
	}
};
