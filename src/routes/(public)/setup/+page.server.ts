import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { setupDeploymentInput } from '$lib/server/domain/schools/input';
import { isSetupDone } from '$lib/server/domain/schools/queries';
import { setupDeployment } from '$lib/server/domain/schools/setup-deployment';
import { anonymousCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { regionOptions } from '$lib/server/web/options';
import { runForm } from '$lib/server/web/forms';
import { setSessionCookie } from '$lib/server/web/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (await isSetupDone(database())) redirect(303, locals.actor ? '/home' : '/signin');
	return { regions: regionOptions(), locale: locals.locale };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, getClientAddress } = event;
		const result = await runForm(event, (values) =>
			setupDeployment(anonymousCtx(), {
				...formInput(setupDeploymentInput, values),
				ip: getClientAddress(),
				userAgent: request.headers.get('user-agent') ?? undefined
			})
		);
		if ('session' in result) {
			setSessionCookie(cookies, result.session.token, result.session.expiresAt);
			redirect(303, '/home');
		}
		return result;
	}
};
