import { actorCtx } from '$lib/server/web/context';
import { config } from '$lib/server/config.js';
import { ballots } from '$lib/server/secrets';
import { closeGroup } from '$lib/server/domain/groups/close-group';
import { getGroupHome } from '$lib/server/domain/groups/get-group-home';
import {
	closeGroupInput,
	requestToJoinInput,
	respondToInvitationInput,
	withdrawRequestInput
} from '$lib/server/domain/groups/input';
import { leaveGroup } from '$lib/server/domain/groups/leave-group';
import { reopenGroup } from '$lib/server/domain/groups/reopen-group';
import { requestToJoin } from '$lib/server/domain/groups/request-to-join';
import { respondToInvitation } from '$lib/server/domain/groups/respond-to-invitation';
import { withdrawRequest } from '$lib/server/domain/groups/withdraw-request';
import { listPlan } from '$lib/server/domain/plan/list-plan';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { formatDateTime } from '$lib/i18n/format';
import { formatDay, today } from '$lib/server/web/days';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { eventLine, memberLine, toDoView } from '$lib/server/web/group-views';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = actorCtx(locals);
	const groupId = asId<GroupId>(params.groupId);
	const { timeZone } = config();
	const day = today(timeZone);
	const [home, plan, subjects] = await Promise.all([
		orHttpError(getGroupHome(ctx, { groupId, today: day })),
		orHttpError(listPlan(ctx, { groupId, today: day })),
		listSubjects(ctx, { locale: locals.locale })
	]);
	const subjectName = new Map(subjects.map((s) => [s.id, s.name]));
	const { group } = home;
	return {
		home: {
			charter: {
				theme: group.theme,
				problem: group.problem,
				goals: group.goals,
				expectedResults: group.expectedResults,
				strategy: group.strategy,
				formsOfWork: group.formsOfWork
			},
			startedOn: formatDay(group.startedOn, locals.locale),
			closed: group.closedAt
				? {
						at: formatDateTime(group.closedAt, locals.locale, timeZone),
						reason: group.closedReason ?? ''
					}
				: null,
			myRole: home.myRole,
			myPending: home.myPending,
			myDeclined: home.myDeclined && {
				response: home.myDeclined.response,
				at: formatDateTime(home.myDeclined.decidedAt, locals.locale, timeZone)
			},
			pendingRequests: home.pendingRequests,
			can: home.can,
			// The administration runs the group without being in it: its own view.
			isAdministration: home.can.manage && home.myRole === null,
			toDo: toDoView(home.toDo, locals.locale, timeZone),
			firstSteps: home.firstSteps,
			members: home.members.map((m) => memberLine(m, subjectName, locals.locale, timeZone)),
			recent: home.recent.map((e) => eventLine(e, locals.locale, timeZone))
		},
		overdue: plan.items
			.filter((i) => i.isOverdue)
			.map((i) => ({ id: i.id, title: i.title, dueOn: formatDay(i.dueOn, locals.locale) })),
		upcoming: plan.items
			.filter((i) => i.status === 'planned' && !i.isOverdue)
			.slice(0, 5)
			.map((i) => ({
				id: i.id,
				kind: i.kind,
				title: i.title,
				dueOn: formatDay(i.dueOn, locals.locale),
				responsibleName: i.responsibleName
			}))
	};
};

/** The context of a form action on this group, and the group's id. */
function groupAction(event: Parameters<Actions[string]>[0]) {
	return { ctx: actorCtx(event.locals), groupId: asId<GroupId>(event.params.groupId) };
}

export const actions: Actions = {
	join: async (event) => {
		const { ctx, groupId } = groupAction(event);
		return runForm(event, async (values) => {
			await requestToJoin(ctx, formInput(requestToJoinInput, values, { groupId }));
			return { done: 'requested' as const };
		});
	},
	withdraw: async (event) => {
		const { ctx, groupId } = groupAction(event);
		return runForm(event, async (values) => {
			await withdrawRequest(ctx, formInput(withdrawRequestInput, values, { groupId }));
			return { done: 'withdrawn' as const };
		});
	},
	respond: async (event) => {
		const { ctx, groupId } = groupAction(event);
		return runForm(event, async (values) => {
			const input = formInput(respondToInvitationInput, values, { groupId });
			const { accepted } = await respondToInvitation(ctx, input);
			return { done: accepted ? ('joined' as const) : ('declined' as const) };
		});
	},
	leave: async (event) => {
		const { ctx, groupId } = groupAction(event);
		return runForm(event, async () => {
			await leaveGroup(ctx, { groupId });
			return { done: 'left' as const };
		});
	},
	close: async (event) => {
		const { ctx, groupId } = groupAction(event);
		return runForm(event, async (values) => {
			const input = formInput(closeGroupInput, values, { groupId });
			await closeGroup(ctx, { ...input, seal: ballots() });
			return { done: 'closed' as const };
		});
	},
	reopen: async (event) => {
		const { ctx, groupId } = groupAction(event);
		return runForm(event, async () => {
			await reopenGroup(ctx, { groupId });
			return { done: 'reopened' as const };
		});
	}
};
