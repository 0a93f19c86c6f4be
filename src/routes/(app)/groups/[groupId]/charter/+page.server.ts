import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { editCharter } from '$lib/server/domain/groups/edit-charter';
import { getGroup } from '$lib/server/domain/groups/get-group';
import { updateSettings } from '$lib/server/domain/groups/update-settings';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const { group, can, isClosed } = await orHttpError(getGroup(database(), actor, params.groupId));
	if (isClosed) error(409, { message: translate('error_group_closed') });
	// Only those who edit the charter get this form; the others read it on the group's home.
	if (!can.manage) error(403, { message: translate('error_forbidden') });
	return {
		charter: {
			name: group.name,
			theme: group.theme,
			problem: group.problem,
			goals: group.goals,
			expectedResults: group.expectedResults,
			strategy: group.strategy,
			formsOfWork: group.formsOfWork
		},
		isExternalVoteAllowed: group.isExternalVoteAllowed
	};
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
