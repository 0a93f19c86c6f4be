import { redirect } from '@sveltejs/kit';
import { getSecuritySettings } from '$lib/server/domain/schools/security-settings';
import { updateSecuritySettingsInput } from '$lib/server/domain/schools/input-security';
import { updateSecuritySettings } from '$lib/server/domain/schools/update-security-settings';
import { secretVoteMinBallotsRange } from '$lib/server/domain/schools/security-settings';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

// The route lets only operators in (routes-operator.ts); the settings are no secret, so
// reading them needs no use case of its own.
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = actorCtx(locals);
	return {
		settings: await getSecuritySettings(db),
		range: secretVoteMinBallotsRange,
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = actorCtx(event.locals);
		const ip = event.getClientAddress();
		const result = await runForm(event, async (values) => {
			await updateSecuritySettings(ctx, {
				...formInput(updateSecuritySettingsInput, values),
				ip
			});
			return { saved: true as const };
		});
		if (!('saved' in result)) return result;
		redirect(303, '/operator/security?saved=1');
	}
};
