import { config } from '$lib/server/config.js';
import { inviteStaffInput } from '$lib/server/domain/accounts/input';
import { inviteStaff } from '$lib/server/domain/accounts/invite-staff';
import { listStaff } from '$lib/server/domain/accounts/list-staff';
import { getSchool } from '$lib/server/domain/schools/get-school';
import { updateSchoolInput } from '$lib/server/domain/schools/input';
import { updateSchool } from '$lib/server/domain/schools/update-school';
import { formatDate } from '$lib/i18n/format';
import { asId, type SchoolId } from '$lib/server/domain/ids';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { regionOptions } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = actorCtx(locals);
	const school = await orHttpError(getSchool(ctx, { schoolId: asId<SchoolId>(params.schoolId) }));
	const { staff, invitations } = await orHttpError(
		listStaff(ctx, { schoolId: asId<SchoolId>(school.id) })
	);
	return {
		school: { id: school.id, name: school.name, region: school.region, city: school.city },
		regions: regionOptions(),
		admins: staff
			.filter((s) => s.role === 'admin')
			.map((s) => ({ id: s.id, fullName: s.fullName, email: s.email, isActive: s.isActive })),
		staffCount: staff.filter((s) => s.isActive).length,
		invitations: invitations
			.filter((i) => i.role === 'admin')
			.map((i) => ({
				id: i.id,
				email: i.email,
				expires: formatDate(i.expiresAt, locals.locale, config().timeZone),
				isExpired: i.isExpired
			}))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = actorCtx(event.locals);
		const schoolId = asId<SchoolId>(event.params.schoolId);
		return runForm(event, async (values) => {
			await updateSchool(ctx, formInput(updateSchoolInput, values, { schoolId }));
			return { saved: true as const };
		});
	},
	invite: async (event) => {
		const ctx = actorCtx(event.locals);
		const { locale } = event.locals;
		const schoolId = asId<SchoolId>(event.params.schoolId);
		return runForm(event, async (values) => {
			// The operator invites admins only; admins invite their own teachers.
			const result = await inviteStaff(
				ctx,
				formInput(inviteStaffInput, values, { schoolId, role: 'admin' })
			);
			return {
				invited: {
					email: result.email,
					url: result.invitation.url,
					emailed: result.emailed,
					expires: formatDate(result.invitation.expiresAt, locale, config().timeZone)
				}
			};
		});
	}
};
