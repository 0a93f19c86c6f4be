import { config } from '$lib/server/config.js';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { addPlanItem } from '$lib/server/domain/plan/add-plan-item';
import {
	addPlanItemInput,
	month as monthInput,
	planItemKinds,
	planItemStatuses,
	setPlanStatusInput
} from '$lib/server/domain/plan/input';
import { listPlan } from '$lib/server/domain/plan/list-plan';
import { setPlanStatus } from '$lib/server/domain/plan/set-plan-status';
import { collator } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { today } from '$lib/server/web/days';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import {
	monthDeadline,
	monthGrid,
	monthMeeting,
	monthName,
	planKindName,
	planLine,
	planStatusName,
	shiftMonth,
	weekdayNames
} from '$lib/server/web/plan-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = actorCtx(locals);
	const day = today(config().timeZone);
	const view = url.searchParams.get('view') === 'month' ? 'month' : 'list';
	const asked = monthInput.safeParse(url.searchParams.get('month'));
	const month = asked.success ? asked.data : day.slice(0, 7);
	const range = view === 'month' ? { from: `${month}-01`, to: `${month}-31` } : undefined;
	const plan = await orHttpError(
		listPlan(ctx, { groupId: asId<GroupId>(params.groupId), today: day, range })
	);
	const order = collator(locals.locale);
	return {
		view,
		today: day,
		overdue: plan.overdue,
		canManage: plan.canManage,
		items: plan.items.map((i) => ({
			...planLine(i, locals.locale),
			approbation: i.approbationId
				? {
						href: `/groups/${params.groupId}/approbations/${i.approbationId}`,
						title: i.approbationTitle ?? ''
					}
				: null
		})),
		// The month view also shows the group's meetings and vote deadlines (for those who
		// see the group's work), each on its school day and linked to its page.
		meetings: plan.meetings.map((x) => monthMeeting(params.groupId, x)),
		deadlines: plan.deadlines
			.map((x) => monthDeadline(params.groupId, x, config().timeZone))
			.filter((x) => x.day.startsWith(month)),
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
			.map((m) => ({ value: m.id, label: m.fullName })),
		approbations: plan.approbations.map((a) => ({ value: a.id, label: a.title }))
	};
};

export const actions: Actions = {
	add: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		return runForm(event, async (values) => {
			await addPlanItem(ctx, formInput(addPlanItemInput, values, { groupId }));
			return { added: true as const };
		});
	},
	status: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		return runForm(
			event,
			async (values) => {
				await setPlanStatus(ctx, formInput(setPlanStatusInput, values, { groupId }));
				return { statusSaved: true as const };
			},
			{ id: 'itemId' }
		);
	}
};
