import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { signIn } from '$lib/server/domain/accounts/sign-in';
import { runForm } from '$lib/server/web/forms';
import { safeNext } from '$lib/server/web/redirects';
import { setSessionCookie } from '$lib/server/web/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next')));
	return {
		next: safeNext(url.searchParams.get('next'), ''),
		notice: url.searchParams.get('done')
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const result = await runForm({ request, url, setHeaders }, (values) =>
			signIn(database(), values, {
				ip: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			})
		);
		if ('session' in result) {
			setSessionCookie(cookies, result.session.token, result.session.expiresAt);
			redirect(303, safeNext(url.searchParams.get('next')));
		}
		return result;
	}
};
