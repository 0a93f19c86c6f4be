import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { acceptInvitation } from '$lib/server/domain/accounts/accept-invitation';
import { findOpenInvitation } from '$lib/server/domain/accounts/find-invitation';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { roleName } from '$lib/server/web/options';
import { setSessionCookie } from '$lib/server/web/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const invitation = await orHttpError(findOpenInvitation(database(), params.token));
	return {
		email: invitation.email,
		schoolName: invitation.schoolName,
		role: roleName(invitation.role),
		locale: locals.locale
	};
};

export const actions: Actions = {
	default: async ({ request, params, cookies, getClientAddress }) => {
		const result = await runForm(request, (values) =>
			acceptInvitation(database(), params.token, values, {
				ip: getClientAddress(),
				userAgent: request.headers.get('user-agent') ?? undefined
			})
		);
		if ('session' in result) {
			setSessionCookie(cookies, result.session.token, result.session.expiresAt);
			redirect(303, '/profile?welcome=1');
		}
		return result;
	}
};
