import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { formatDate, formatDateTime } from '$lib/i18n/format';
import { getTelegramStatus } from '$lib/server/notify/telegram/get-telegram-status';
import { startLinking } from '$lib/server/notify/telegram/start-linking';
import { unlinkTelegram } from '$lib/server/notify/telegram/unlink-telegram';
import { actorCtx } from '$lib/server/web/context';
import { runForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

const page = '/profile/telegram';
// The code is kept only as a hash; this browser keeps the code itself for its 10 minutes, so
// the page can show it after the redirect without putting it in a URL.
const CODE_COOKIE = 'ustat_tg_code';

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
	const status = await getTelegramStatus(actorCtx(locals), { code: cookies.get(CODE_COOKIE) });
	const { timeZone } = config();
	return {
		configured: status.configured,
		botUsername: status.botUsername,
		linkedSince: status.linkedAt ? formatDate(status.linkedAt, locals.locale, timeZone) : null,
		pending: status.pending && {
			code: status.pending.code,
			deepLink: status.pending.deepLink,
			validUntil: formatDateTime(status.pending.expiresAt, locals.locale, timeZone)
		},
		started: url.searchParams.has('started'),
		unlinked: url.searchParams.has('unlinked')
	};
};

export const actions: Actions = {
	start: async (event) => {
		const ctx = actorCtx(event.locals);
		const result = await runForm(event, () => startLinking(ctx, {}));
		if (!('code' in result)) return result;
		event.cookies.set(CODE_COOKIE, result.code, {
			path: page,
			httpOnly: true,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:',
			maxAge: Math.ceil((result.expiresAt.getTime() - ctx.now.getTime()) / 1000)
		});
		redirect(303, `${page}?started=1`);
	},
	unlink: async (event) => {
		const ctx = actorCtx(event.locals);
		const result = await runForm(event, async () => {
			await unlinkTelegram(ctx, {});
			return { done: true as const };
		});
		if (!('done' in result)) return result;
		event.cookies.delete(CODE_COOKIE, { path: page });
		redirect(303, `${page}?unlinked=1`);
	}
};
