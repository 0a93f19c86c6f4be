import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { addPlanItem } from '$lib/server/domain/plan/add-plan-item';
import {
	month as monthInput,
	planItemKinds,
	planItemStatuses
} from '$lib/server/domain/plan/input';
import { listPlan } from '$lib/server/domain/plan/list-plan';
import { setPlanStatus } from '$lib/server/domain/plan/set-plan-status';
import { collator } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { today } from '$lib/server/web/days';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import {
	monthGrid,
	monthName,
	planKindName,
	planLine,
	planStatusName,
	shiftMonth,
	weekdayNames
} from '$lib/server/web/plan-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const day = today(config().timeZone);
	const view = url.searchParams.get('view') === 'month' ? 'month' : 'list';
	const asked = monthInput.safeParse(url.searchParams.get('month'));
	const month = asked.success ? asked.data : day.slice(0, 7);
	const range = view === 'month' ? { from: `${month}-01`, to: `${month}-31` } : undefined;
	const plan = await orHttpError(listPlan(database(), actor, params.groupId, day, range));
	const order = collator(locals.locale);
	return {
		view,
		today: day,
		overdue: plan.overdue,
		canManage: plan.canManage,
		items: plan.items.map((i) => planLine(i, locals.locale)),
		month: {
			value: month,
			name: monthName(month, locals.locale),
			previous: shiftMonth(month, -1),
			next: shiftMonth(month, 1),
			weeks: monthGrid(month),
			weekdays: weekdayNames(locals.locale)
		},
		kinds: planItemKinds.map((value) => ({ value, label: planKindName(value) })),
		statuses: planItemStatuses.map((value) => ({ value, label: planStatusName(value) })),
		members: plan.members
			.sort((a, b) => order.compare(a.fullName, b.fullName))
			.map((m) => ({ value: m.id, label: m.fullName }))
	};
};

export const actions: Actions = {
	add: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await addPlanItem(database(), actor, params.groupId, values);
			return { added: true as const };
		});
	},
	status: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await setPlanStatus(database(), actor, params.groupId, String(values.itemId ?? ''), values);
			return { statusSaved: true as const };
		});
	}
};
