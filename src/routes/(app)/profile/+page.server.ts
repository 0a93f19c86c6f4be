import { redirect } from '@sveltejs/kit';
import { changePassword } from '$lib/server/domain/accounts/change-password';
import { getProfile } from '$lib/server/domain/accounts/get-profile';
import { changePasswordInput, updateProfileInput } from '$lib/server/domain/accounts/input';
import { updateProfile } from '$lib/server/domain/accounts/update-profile';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { setLocaleCookie } from '$lib/server/web/locale-cookie';
import { categoryOptions } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = actorCtx(locals);
	return {
		profile: await getProfile(ctx),
		subjects: await listSubjects(ctx, { locale: locals.locale }),
		categories: categoryOptions(),
		welcome: url.searchParams.has('welcome'),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = actorCtx(event.locals);
		const result = await runForm(event, (values) =>
			updateProfile(ctx, formInput(updateProfileInput, values))
		);
		if (!('locale' in result)) return result;
		// Keep the cookie in step with the profile, and reload so a new language applies at once.
		setLocaleCookie(event.cookies, result.locale);
		redirect(303, '/profile?saved=1');
	},
	password: async (event) => {
		const ctx = actorCtx(event.locals);
		const currentSessionId = event.locals.sessionId!;
		return runForm(event, async (values) => {
			await changePassword(ctx, {
				...formInput(changePasswordInput, values),
				currentSessionId,
				ip: event.getClientAddress()
			});
			return { passwordChanged: true as const };
		});
	}
};
