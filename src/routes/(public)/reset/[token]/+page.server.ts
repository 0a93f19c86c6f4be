import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { findOpenPasswordReset } from '$lib/server/domain/accounts/find-password-reset';
import { resetPassword } from '$lib/server/domain/accounts/reset-password';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { clearSessionCookie } from '$lib/server/web/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const reset = await orHttpError(findOpenPasswordReset(database(), params.token));
	return { email: reset.email };
};

export const actions: Actions = {
	default: async ({ request, params, cookies }) => {
		const result = await runForm(request, (values) =>
			resetPassword(database(), params.token, values)
		);
		if ('email' in result) {
			clearSessionCookie(cookies);
			redirect(303, '/signin?done=reset');
		}
		return result;
	}
};
