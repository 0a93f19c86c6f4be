import { actorCtx } from '$lib/server/web/context';
import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { changePassword } from '$lib/server/domain/accounts/change-password';
import { getProfile } from '$lib/server/domain/accounts/get-profile';
import { updateProfile } from '$lib/server/domain/accounts/update-profile';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { setLocaleCookie } from '$lib/server/web/locale-cookie';
import { categoryOptions } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const db = database();
	return {
		profile: await getProfile(db, actor),
		subjects: await listSubjects(actorCtx(locals), { locale: locals.locale }),
		categories: categoryOptions(),
		welcome: url.searchParams.has('welcome'),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async ({ request, locals, cookies }) => {
		const actor = requireActor(locals);
		const result = await runForm(request, (values) => updateProfile(database(), actor, values));
		if (!('locale' in result)) return result;
		// Keep the cookie in step with the profile, and reload so a new language applies at once.
		setLocaleCookie(cookies, result.locale);
		redirect(303, '/profile?saved=1');
	},
	password: async ({ request, locals }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await changePassword(database(), actor, locals.sessionId!, values);
			return { passwordChanged: true as const };
		});
	}
};
