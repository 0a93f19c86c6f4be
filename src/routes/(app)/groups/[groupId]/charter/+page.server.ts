import { database } from '$lib/server/db';
import { editCharter } from '$lib/server/domain/groups/edit-charter';
import { getCharter } from '$lib/server/domain/groups/get-charter';
import { updateSettings } from '$lib/server/domain/groups/update-settings';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	return orHttpError(getCharter(database(), actor, params.groupId));
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			const { revision } = await editCharter(database(), actor, params.groupId, values);
			return { saved: revision };
		});
	},
	settings: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await updateSettings(database(), actor, params.groupId, values);
			return { settingsSaved: true as const };
		});
	}
};
