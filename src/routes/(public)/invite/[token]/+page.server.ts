import { redirect } from '@sveltejs/kit';
import { acceptInvitation } from '$lib/server/domain/accounts/accept-invitation';
import { findOpenInvitation } from '$lib/server/domain/accounts/find-invitation';
import { acceptInvitationInput } from '$lib/server/domain/accounts/input';
import { anonymousCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { roleName } from '$lib/server/web/options';
import { setSessionCookie } from '$lib/server/web/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const invitation = await orHttpError(findOpenInvitation(anonymousCtx(), { token: params.token }));
	return {
		email: invitation.email,
		schoolName: invitation.schoolName,
		role: roleName(invitation.role),
		locale: locals.locale
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, params, cookies, getClientAddress } = event;
		const result = await runForm(event, (values) =>
			acceptInvitation(anonymousCtx(), {
				...formInput(acceptInvitationInput, values, { token: params.token }),
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
