import { actorCtx } from '$lib/server/web/context';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { changeLeader } from '$lib/server/domain/groups/change-leader';
import { decideRequest } from '$lib/server/domain/groups/decide-request';
import { getMembership } from '$lib/server/domain/groups/get-membership';
import { inviteExternal } from '$lib/server/domain/groups/invite-external';
import { inviteTeacher } from '$lib/server/domain/groups/invite-teacher';
import { withdrawRequest } from '$lib/server/domain/groups/withdraw-request';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { collator, formatDate, formatDateTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { eventLine, memberLine } from '$lib/server/web/group-views';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const db = database();
	const { timeZone } = config();
	const [page, subjects] = await Promise.all([
		orHttpError(getMembership(db, actor, params.groupId)),
		listSubjects(actorCtx(locals), { locale: locals.locale })
	]);
	const subjectName = new Map(subjects.map((s) => [s.id, s.name]));
	const order = collator(locals.locale);
	const byName = <T extends { fullName: string }>(a: T, b: T) =>
		order.compare(a.fullName, b.fullName);
	const line = (m: (typeof page.members)[number]) =>
		memberLine(m, subjectName, locals.locale, timeZone);
	const request = (r: (typeof page.pending)[number]) => ({
		id: r.id,
		kind: r.kind,
		fullName: r.fullName,
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

export const actions: Actions = {
	decide: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			const { accepted } = await decideRequest(database(), actor, params.groupId, values);
			return { done: accepted ? ('accepted' as const) : ('declined' as const) };
		});
	},
	invite: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await inviteTeacher(database(), actor, params.groupId, values);
			return { done: 'invited' as const };
		});
	},
	external: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			const result = await inviteExternal(database(), actor, params.groupId, values);
			return {
				done: 'invited' as const,
				external:
					result.kind === 'link'
						? {
								email: result.email,
								url: result.url,
								emailed: result.emailed,
								expires: formatDate(result.expiresAt, locals.locale, config().timeZone)
							}
						: null
			};
		});
	},
	withdraw: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await withdrawRequest(database(), actor, params.groupId, String(values.requestId ?? ''));
			return { done: 'withdrawn' as const };
		});
	},
	leader: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await changeLeader(database(), actor, params.groupId, values);
			return { done: 'leader' as const };
		});
	}
};
