import { actorCtx } from '$lib/server/web/context';
import { config } from '$lib/server/config.js';
import { getFaces } from '$lib/server/domain/accounts/get-faces';
import { changeLeader } from '$lib/server/domain/groups/change-leader';
import { decideRequest } from '$lib/server/domain/groups/decide-request';
import { getMembership } from '$lib/server/domain/groups/get-membership';
import {
	changeLeaderInput,
	decideRequestInput,
	inviteExternalInput,
	inviteTeacherInput,
	withdrawRequestInput
} from '$lib/server/domain/groups/input';
import { inviteExternal } from '$lib/server/domain/groups/invite-external';
import { inviteTeacher } from '$lib/server/domain/groups/invite-teacher';
import { withdrawRequest } from '$lib/server/domain/groups/withdraw-request';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { collator, formatDate, formatDateTime } from '$lib/i18n/format';
import { asId, type GroupId, type UserId } from '$lib/server/domain/ids';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { faceOf } from '$lib/server/web/faces';
import { eventLine, memberLine } from '$lib/server/web/group-views';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = actorCtx(locals);
	const { timeZone } = config();
	const [page, subjects] = await Promise.all([
		orHttpError(getMembership(ctx, { groupId: asId<GroupId>(params.groupId) })),
		listSubjects(ctx, { locale: locals.locale })
	]);
	const subjectName = new Map(subjects.map((s) => [s.id, s.name]));
	// Faces of everyone the page names (the membership query carries no photo columns).
	const faces = await getFaces(ctx, {
		userIds: [...page.members, ...page.former, ...page.pending].map((p) => asId<UserId>(p.userId))
	});
	const face = (userId: string, fullName: string) =>
		faceOf(faces.get(userId) ?? { id: userId, fullName });
	const order = collator(locals.locale);
	const byName = <T extends { fullName: string }>(a: T, b: T) =>
		order.compare(a.fullName, b.fullName);
	const line = (m: (typeof page.members)[number]) => ({
		...memberLine(m, subjectName, locals.locale, timeZone),
		face: face(m.userId, m.fullName)
	});
	const request = (r: (typeof page.pending)[number]) => ({
		id: r.id,
		kind: r.kind,
		fullName: r.fullName,
		face: face(r.userId, r.fullName),
		message: r.message,
		createdByName: r.createdByName,
		at: formatDateTime(r.createdAt, locals.locale, timeZone)
	});
	return {
		isExternalVoteAllowed: page.isExternalVoteAllowed,
		members: page.members.map(line),
		former: page.former.sort(byName).map(line),
		history: page.history.map((e) => eventLine(e, locals.locale, timeZone)),
		requests: page.pending.filter((r) => r.kind === 'request').map(request),
		invitations: page.pending.filter((r) => r.kind === 'invitation').map(request),
		myPending: page.myPending && request(page.myPending),
		inviteOptions: page.staff
			.filter((s) => !s.isMember && !page.pending.some((r) => r.userId === s.id))
			.sort(byName)
			.map((s) => ({ value: s.id, label: s.fullName })),
		leaderOptions: page.staff
			.filter((s) => !page.members.some((m) => m.userId === s.id && m.role === 'leader'))
			.sort(byName)
			.map((s) => ({ value: s.id, label: s.fullName })),
		can: page.can
	};
};

/** The context of a form action on this group, and the group's id. */
function groupAction(event: Parameters<Actions[string]>[0]) {
	return { ctx: actorCtx(event.locals), groupId: asId<GroupId>(event.params.groupId) };
}

export const actions: Actions = {
	decide: async (event) => {
		const { ctx, groupId } = groupAction(event);
		return runForm(
			event,
			async (values) => {
				const input = formInput(decideRequestInput, values, { groupId });
				const { accepted } = await decideRequest(ctx, input);
				return { done: accepted ? ('accepted' as const) : ('declined' as const) };
			},
			{ id: 'requestId' }
		);
	},
	invite: async (event) => {
		const { ctx, groupId } = groupAction(event);
		return runForm(event, async (values) => {
			await inviteTeacher(ctx, formInput(inviteTeacherInput, values, { groupId }));
			return { done: 'invited' as const };
		});
	},
	external: async (event) => {
		const { ctx, groupId } = groupAction(event);
		const { locale } = event.locals;
		return runForm(event, async (values) => {
			const result = await inviteExternal(ctx, formInput(inviteExternalInput, values, { groupId }));
			return {
				done: 'invited' as const,
				external:
					result.kind === 'link'
						? {
								email: result.email,
								url: result.url,
								emailed: result.emailed,
								expires: formatDate(result.expiresAt, locale, config().timeZone)
							}
						: null
			};
		});
	},
	withdraw: async (event) => {
		const { ctx, groupId } = groupAction(event);
		return runForm(
			event,
			async (values) => {
				await withdrawRequest(ctx, formInput(withdrawRequestInput, values, { groupId }));
				return { done: 'withdrawn' as const };
			},
			{ id: 'requestId' }
		);
	},
	leader: async (event) => {
		const { ctx, groupId } = groupAction(event);
		return runForm(event, async (values) => {
			await changeLeader(ctx, formInput(changeLeaderInput, values, { groupId }));
			return { done: 'leader' as const };
		});
	}
};
