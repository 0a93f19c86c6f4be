import { redirect } from '@sveltejs/kit';
import { signInFormInput } from '$lib/server/domain/accounts/input-signin';
import { signIn } from '$lib/server/domain/accounts/sign-in';
import { anonymousCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { safeNext } from '$lib/server/web/redirects';
import { setChallengeCookie, setNewSessionCookie } from '$lib/server/web/session-cookie';
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
				...formInput(signInFormInput, values),
				ip: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			})
		);
		if ('session' in result) {
			setNewSessionCookie(cookies, result.session);
			redirect(303, safeNext(url.searchParams.get('next')));
		}
		if ('challenge' in result) {
			// The password was right: the second factor is asked next.
			setChallengeCookie(cookies, result.challenge.token, result.challenge.expiresAt);
			const next = safeNext(url.searchParams.get('next'), '');
			redirect(303, next ? `/signin/code?next=${encodeURIComponent(next)}` : '/signin/code');
		}
		return result;
	}
};
