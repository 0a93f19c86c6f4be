import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { findChallenge } from '$lib/server/domain/accounts/challenge';
import { completeSignIn } from '$lib/server/domain/accounts/complete-sign-in';
import { secondFactorInput } from '$lib/server/domain/accounts/input-signin';
import { AppError } from '$lib/server/errors';
import { twoFactorSeals } from '$lib/server/two-factor-key';
import { anonymousCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { safeNext } from '$lib/server/web/redirects';
import {
	challengeCookieName,
	clearChallengeCookie,
	setNewSessionCookie
} from '$lib/server/web/session-cookie';
import type { Actions, PageServerLoad } from './$types';

// The second step of signing in with two factors: the challenge's cookie was set by /signin.

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const next = safeNext(url.searchParams.get('next'), '');
	if (locals.actor) redirect(303, next || '/home');
	const token = cookies.get(challengeCookieName());
	// Nothing to confirm (or it expired): back to the password.
	if (!token || !(await findChallenge(database(), token, new Date()))) {
		clearChallengeCookie(cookies);
		redirect(303, next ? `/signin?next=${encodeURIComponent(next)}` : '/signin');
	}
	return { next };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url, getClientAddress } = event;
		const result = await runForm(event, (values) =>
			completeSignIn(anonymousCtx(), {
				...formInput(secondFactorInput, values),
				token: cookies.get(challengeCookieName()) ?? '',
				seal: twoFactorSeals(),
				ip: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			}).catch((error: unknown) => {
				// The challenge is gone: its cookie too, so the page offers to sign in again.
				if (error instanceof AppError && error.code === 'not_found') clearChallengeCookie(cookies);
				throw error;
			})
		);
		if ('session' in result) {
			clearChallengeCookie(cookies);
			setNewSessionCookie(cookies, result.session);
			redirect(303, safeNext(url.searchParams.get('next')));
		}
		return result;
	}
};
