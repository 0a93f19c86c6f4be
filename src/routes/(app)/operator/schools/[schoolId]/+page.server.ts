import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { inviteStaff } from '$lib/server/domain/accounts/invite-staff';
import { listStaff } from '$lib/server/domain/accounts/list-staff';
import { getSchool } from '$lib/server/domain/schools/get-school';
import { updateSchool } from '$lib/server/domain/schools/update-school';
import { formatDate } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { regionOptions } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const db = database();
	const school = await orHttpError(getSchool(db, actor, params.schoolId));
	const { staff, invitations } = await orHttpError(listStaff(db, actor, school.id));
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
	save: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await updateSchool(database(), actor, params.schoolId, values);
			return { saved: true as const };
		});
	},
	invite: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			// The operator invites admins only; admins invite their own teachers.
			const result = await inviteStaff(database(), actor, params.schoolId, {
				...values,
				role: 'admin'
			});
			return {
				invited: {
					email: result.email,
					url: result.invitation.url,
					emailed: result.emailed,
					expires: formatDate(result.invitation.expiresAt, locals.locale, config().timeZone)
				}
			};
		});
	}
};
