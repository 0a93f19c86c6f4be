import { actorCtx } from '$lib/server/web/context';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { inviteStaff } from '$lib/server/domain/accounts/invite-staff';
import { listStaff } from '$lib/server/domain/accounts/list-staff';
import { revokeInvitation } from '$lib/server/domain/accounts/revoke-invitation';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { collator, formatDate } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { roleName } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

const filters = ['active', 'inactive', 'all'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const db = database();
	const { timeZone } = config();
	const show = filters.find((f) => f === url.searchParams.get('show')) ?? 'active';
	const [{ staff, invitations }, subjects] = await Promise.all([
		orHttpError(listStaff(db, actor, actor.schoolId!)),
		listSubjects(actorCtx(locals), { locale: locals.locale })
	]);
	const subjectName = new Map(subjects.map((s) => [s.id, s.name]));
	const order = collator(locals.locale);
	return {
		show,
		counts: {
			active: staff.filter((s) => s.isActive).length,
			inactive: staff.filter((s) => !s.isActive).length
		},
		staff: staff
			.filter((s) => show === 'all' || s.isActive === (show === 'active'))
			.sort((a, b) => order.compare(a.fullName, b.fullName))
			.map((s) => ({
				id: s.id,
				fullName: s.fullName,
				email: s.email,
				role: roleName(s.role),
				isActive: s.isActive,
				isMe: s.id === actor.id,
				subjects: s.subjectIds.map((id) => subjectName.get(id) ?? id).join(', ')
			})),
		invitations: invitations.map((i) => ({
			id: i.id,
			email: i.email,
			role: roleName(i.role),
			expires: formatDate(i.expiresAt, locals.locale, timeZone),
			isExpired: i.isExpired
		}))
	};
};

export const actions: Actions = {
	invite: async ({ request, locals }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			const result = await inviteStaff(database(), actor, actor.schoolId!, values);
			return {
				invited: {
					email: result.email,
					url: result.invitation.url,
					emailed: result.emailed,
					expires: formatDate(result.invitation.expiresAt, locals.locale, config().timeZone)
				}
			};
		});
	},
	revoke: async ({ request, locals }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await revokeInvitation(database(), actor, String(values.invitationId ?? ''));
			return { revoked: true as const };
		});
	}
};
