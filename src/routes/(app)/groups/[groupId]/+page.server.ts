import { actorCtx } from '$lib/server/web/context';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { ballots } from '$lib/server/secrets';
import { closeGroup } from '$lib/server/domain/groups/close-group';
import { getGroup } from '$lib/server/domain/groups/get-group';
import { leaveGroup } from '$lib/server/domain/groups/leave-group';
import { reopenGroup } from '$lib/server/domain/groups/reopen-group';
import { requestToJoin } from '$lib/server/domain/groups/request-to-join';
import { respondToInvitation } from '$lib/server/domain/groups/respond-to-invitation';
import { withdrawRequest } from '$lib/server/domain/groups/withdraw-request';
import { listPlan } from '$lib/server/domain/plan/list-plan';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { fileStore } from '$lib/server/storage';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { formatDateTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { formatDay, today } from '$lib/server/web/days';
import { runForm } from '$lib/server/web/forms';
import { eventLine, memberLine } from '$lib/server/web/group-views';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const db = database();
	const { timeZone } = config();
	const day = today(timeZone);
	const [home, plan, subjects] = await Promise.all([
		orHttpError(getGroup(db, actor, params.groupId)),
		orHttpError(
			listPlan(
				{ db, actor, now: new Date(), store: fileStore() },
				{ groupId: asId<GroupId>(params.groupId), today: day }
			)
		),
		listSubjects(actorCtx(locals), { locale: locals.locale })
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

export const actions: Actions = {
	join: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await requestToJoin(database(), actor, params.groupId, values);
			return { done: 'requested' as const };
		});
	},
	withdraw: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await withdrawRequest(database(), actor, params.groupId, String(values.requestId ?? ''));
			return { done: 'withdrawn' as const };
		});
	},
	respond: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			const { accepted } = await respondToInvitation(database(), actor, params.groupId, values);
			return { done: accepted ? ('joined' as const) : ('declined' as const) };
		});
	},
	leave: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async () => {
			await leaveGroup(database(), actor, params.groupId);
			return { done: 'left' as const };
		});
	},
	close: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await closeGroup(database(), actor, params.groupId, values, new Date(), ballots());
			return { done: 'closed' as const };
		});
	},
	reopen: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async () => {
			await reopenGroup(database(), actor, params.groupId);
			return { done: 'reopened' as const };
		});
	}
};
