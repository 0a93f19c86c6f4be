import { error, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { planItemKinds, planItemStatuses } from '$lib/server/domain/plan/input';
import { listPlan } from '$lib/server/domain/plan/list-plan';
import { updatePlanItem } from '$lib/server/domain/plan/update-plan-item';
import { requireActor } from '$lib/server/web/denied';
import { today } from '$lib/server/web/days';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import { planKindName, planLine, planStatusName } from '$lib/server/web/plan-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const plan = await orHttpError(
		listPlan(database(), actor, params.groupId, today(config().timeZone))
	);
	const item = plan.items.find((i) => i.id === params.itemId);
	if (!item) error(404, { message: translate('error_plan_item_not_found') });
	return {
		item: planLine(item, locals.locale),
		values: {
			kind: item.kind,
			title: item.title,
			dueOn: item.dueOn,
			responsibleId: item.responsibleId ?? '',
			status: item.status,
			notes: item.notes
		},
		canManage: plan.canManage,
		kinds: planItemKinds.map((value) => ({ value, label: planKindName(value) })),
		statuses: planItemStatuses.map((value) => ({ value, label: planStatusName(value) })),
		members: [
			...plan.members.map((m) => ({ value: m.id, label: m.fullName })),
			// A responsible member who has left stays on the item until the leader changes it.
			...(item.responsibleId && !plan.members.some((m) => m.id === item.responsibleId)
				? [
						{
							value: item.responsibleId,
							label: translate('former_member', { name: item.responsibleName ?? '' })
						}
					]
				: [])
		]
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const result = await runForm(request, (values) =>
			updatePlanItem(database(), actor, params.groupId, params.itemId, values)
		);
		if (result) return result;
		redirect(303, `/groups/${params.groupId}/plan`);
	}
};
