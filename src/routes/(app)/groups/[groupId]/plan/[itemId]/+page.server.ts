import { error, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { asId, type GroupId, type PlanItemId } from '$lib/server/domain/ids';
import {
	planItemKinds,
	planItemStatuses,
	updatePlanItemInput
} from '$lib/server/domain/plan/input';
import { listPlan } from '$lib/server/domain/plan/list-plan';
import { updatePlanItem } from '$lib/server/domain/plan/update-plan-item';
import { actorCtx } from '$lib/server/web/context';
import { today } from '$lib/server/web/days';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import { planKindName, planLine, planStatusName } from '$lib/server/web/plan-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const plan = await orHttpError(
		listPlan(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			today: today(config().timeZone)
		})
	);
	const item = plan.items.find((i) => i.id === params.itemId);
	if (!item) error(404, { message: translate('error_plan_item_not_found') });
	return {
		item: {
			...planLine(item, locals.locale),
			approbation: item.approbationId
				? {
						href: `/groups/${params.groupId}/approbations/${item.approbationId}`,
						title: item.approbationTitle ?? ''
					}
				: null
		},
		values: {
			kind: item.kind,
			title: item.title,
			dueOn: item.dueOn,
			responsibleId: item.responsibleId ?? '',
			status: item.status,
			notes: item.notes,
			approbationId: item.approbationId ?? ''
		},
		canManage: plan.canManage,
		kinds: planItemKinds.map((value) => ({ value, label: planKindName(value) })),
		statuses: planItemStatuses.map((value) => ({ value, label: planStatusName(value) })),
		approbations: plan.approbations.map((a) => ({ value: a.id, label: a.title })),
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
	save: async (event) => {
		const { locals, params } = event;
		const ctx = actorCtx(locals);
		const ids = {
			groupId: asId<GroupId>(params.groupId),
			itemId: asId<PlanItemId>(params.itemId)
		};
		const result = await runForm(event, (values) =>
			updatePlanItem(ctx, formInput(updatePlanItemInput, values, ids))
		);
		if (result) return result;
		redirect(303, `/groups/${params.groupId}/plan`);
	}
};
