import { database } from '$lib/server/db';
import { requestPasswordReset } from '$lib/server/domain/accounts/request-password-reset';
import { mailEnabled } from '$lib/server/mail';
import { runForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ mailEnabled: mailEnabled() });

export const actions: Actions = {
	default: async ({ request }) => {
		const result = await runForm(request, (values) => requestPasswordReset(database(), values));
		if ('sending' in result) return { sent: true };
		return result;
	}
};
