import { redirect, type Cookies } from '@sveltejs/kit';
import { createFeed } from '$lib/server/calendar/create-feed';
import { getFeed } from '$lib/server/calendar/get-feed';
import { revokeFeed } from '$lib/server/calendar/revoke-feed';
import { config } from '$lib/server/config.js';
import { formatDate } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { runForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

// Only the token's hash is kept, so the address can be shown just once: right after it is
// made, carried over the 303 by a short-lived cookie scoped to this page and read once.
const onceCookie = 'ustat_calendar_once';
const here = '/profile/calendar';
const cookieOptions = () => ({
	path: here,
	httpOnly: true,
	sameSite: 'strict' as const,
	secure: config().baseUrl.startsWith('https:')
});

function takeOnce(cookies: Cookies): string | null {
	const value = cookies.get(onceCookie);
	if (value === undefined) return null;
	cookies.delete(onceCookie, cookieOptions());
	return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
	const feed = await getFeed(actorCtx(locals));
	const token = feed ? takeOnce(cookies) : null;
	const address = token ? `${config().baseUrl}/calendar/${token}.ics` : null;
	return {
		createdAt: feed ? formatDate(feed.createdAt, locals.locale, config().timeZone) : null,
		address,
		webcal: address?.replace(/^https?:/, 'webcal:') ?? null,
		created: url.searchParams.has('created'),
		revoked: url.searchParams.has('revoked')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const ctx = actorCtx(event.locals);
		const result = await runForm(event, () => createFeed(ctx, {}));
		if (!('token' in result)) return result;
		event.cookies.set(onceCookie, result.token, { ...cookieOptions(), maxAge: 300 });
		redirect(303, `${here}?created=1`);
	},
	revoke: async (event) => {
		const ctx = actorCtx(event.locals);
		const result = await runForm(event, () => revokeFeed(ctx, {}));
		if (result !== undefined) return result;
		event.cookies.delete(onceCookie, cookieOptions());
		redirect(303, `${here}?revoked=1`);
	}
};
