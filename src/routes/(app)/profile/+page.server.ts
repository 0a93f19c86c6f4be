import { redirect } from '@sveltejs/kit';
import { changePassword } from '$lib/server/domain/accounts/change-password';
import { getFaces } from '$lib/server/domain/accounts/get-faces';
import { getProfile } from '$lib/server/domain/accounts/get-profile';
import { PHOTO_MAX_MB } from '$lib/server/domain/accounts/photos';
import { removePhoto } from '$lib/server/domain/accounts/remove-photo';
import { setPhoto } from '$lib/server/domain/accounts/set-photo';
import { changePasswordInput, updateProfileInput } from '$lib/server/domain/accounts/input';
import { updateProfile } from '$lib/server/domain/accounts/update-profile';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { setLocaleCookie } from '$lib/server/web/locale-cookie';
import { faceOf } from '$lib/server/web/faces';
import { categoryOptions } from '$lib/server/web/options';
import { runPhotoUpload } from '$lib/server/web/photo-upload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = actorCtx(locals);
	const me = (await getFaces(ctx, { userIds: [ctx.actor.id] })).get(ctx.actor.id);
	return {
		profile: await getProfile(ctx),
		face: faceOf(me ?? { id: ctx.actor.id, fullName: ctx.actor.fullName }),
		photoMaxMb: PHOTO_MAX_MB,
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
	photo: async (event) => {
		const ctx = actorCtx(event.locals);
		return runPhotoUpload(event, async (file) => {
			await setPhoto(ctx, { userId: ctx.actor.id, file });
			return { photo: 'saved' as const };
		});
	},
	removePhoto: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, async () => {
			await removePhoto(ctx, { userId: ctx.actor.id });
			return { photo: 'removed' as const };
		});
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
