import { redirect } from '@sveltejs/kit';
import { signInInput } from '$lib/server/domain/accounts/input';
import { signIn } from '$lib/server/domain/accounts/sign-in';
import { anonymousCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
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
	default: async (event) => {
		const { request, cookies, url, getClientAddress } = event;
		const result = await runForm(event, (values) =>
			signIn(anonymousCtx(), {
				...formInput(signInInput, values),
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
