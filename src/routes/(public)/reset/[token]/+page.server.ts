import { redirect } from '@sveltejs/kit';
import { findOpenPasswordReset } from '$lib/server/domain/accounts/find-password-reset';
import { resetPasswordInput } from '$lib/server/domain/accounts/input';
import { resetPassword } from '$lib/server/domain/accounts/reset-password';
import { anonymousCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { clearSessionCookie } from '$lib/server/web/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const reset = await orHttpError(findOpenPasswordReset(anonymousCtx(), { token: params.token }));
	return { email: reset.email };
};

export const actions: Actions = {
	default: async (event) => {
		const { params, cookies } = event;
		const result = await runForm(event, (values) =>
			resetPassword(anonymousCtx(), {
				...formInput(resetPasswordInput, values, { token: params.token }),
				ip: event.getClientAddress()
			})
		);
		if ('email' in result) {
			clearSessionCookie(cookies);
			redirect(303, '/signin?done=reset');
		}
		return result;
	}
};
