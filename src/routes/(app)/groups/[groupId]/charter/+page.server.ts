import { getMonitoringSettings } from '$lib/server/domain/approbations/get-settings';
import { editCharter } from '$lib/server/domain/groups/edit-charter';
import { getCharter } from '$lib/server/domain/groups/get-charter';
import { editCharterInput, updateSettingsInput } from '$lib/server/domain/groups/input';
import { updateSettings } from '$lib/server/domain/groups/update-settings';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const groupId = asId<GroupId>(params.groupId);
	const ctx = actorCtx(locals);
	const charter = await orHttpError(getCharter(ctx, { groupId }));
	const monitoring = await orHttpError(getMonitoringSettings(ctx, { groupId }));
	return { ...charter, requiredObservations: monitoring.requiredObservations };
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		return runForm(event, async (values) => {
			const { revision } = await editCharter(ctx, formInput(editCharterInput, values, { groupId }));
			return { saved: revision };
		});
	},
	settings: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		return runForm(event, async (values) => {
			await updateSettings(ctx, formInput(updateSettingsInput, values, { groupId }));
			return { settingsSaved: true as const };
		});
	}
};
