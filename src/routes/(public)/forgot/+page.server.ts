import { requestPasswordResetInput } from '$lib/server/domain/accounts/input';
import { requestPasswordReset } from '$lib/server/domain/accounts/request-password-reset';
import { mailEnabled } from '$lib/server/mail';
import { anonymousCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ mailEnabled: mailEnabled() });

export const actions: Actions = {
	default: async (event) => {
		const result = await runForm(event, (values) =>
			requestPasswordReset(anonymousCtx(), formInput(requestPasswordResetInput, values))
		);
		if ('sending' in result) return { sent: true };
		return result;
	}
};
