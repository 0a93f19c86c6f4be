import { actorCtx } from '$lib/server/web/context';
import { config } from '$lib/server/config.js';
import { inviteStaffInput, revokeInvitationInput } from '$lib/server/domain/accounts/input';
import { inviteStaff } from '$lib/server/domain/accounts/invite-staff';
import { listStaff } from '$lib/server/domain/accounts/list-staff';
import { revokeInvitation } from '$lib/server/domain/accounts/revoke-invitation';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { collator, formatDate } from '$lib/i18n/format';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { roleName } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

const filters = ['active', 'inactive', 'all'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = actorCtx(locals);
	const { actor } = ctx;
	const { timeZone } = config();
	const show = filters.find((f) => f === url.searchParams.get('show')) ?? 'active';
	const [{ staff, invitations }, subjects] = await Promise.all([
		orHttpError(listStaff(ctx, { schoolId: actor.schoolId! })),
		listSubjects(ctx, { locale: locals.locale })
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
				isOperator: s.isOperator,
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
	invite: async (event) => {
		const ctx = actorCtx(event.locals);
		const { locale } = event.locals;
		const schoolId = ctx.actor.schoolId!;
		return runForm(event, async (values) => {
			const result = await inviteStaff(ctx, formInput(inviteStaffInput, values, { schoolId }));
			return {
				invited: {
					email: result.email,
					url: result.invitation.url,
					emailed: result.emailed,
					expires: formatDate(result.invitation.expiresAt, locale, config().timeZone)
				}
			};
		});
	},
	revoke: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, async (values) => {
			await revokeInvitation(ctx, formInput(revokeInvitationInput, values));
			return { revoked: true as const };
		});
	}
};
