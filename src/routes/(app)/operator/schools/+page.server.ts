import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { addSchool } from '$lib/server/domain/schools/add-school';
import { listSchools } from '$lib/server/domain/schools/list-schools';
import { collator, formatDate } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { regionName, regionOptions } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	const schools = await orHttpError(listSchools(database(), actor));
	const order = collator(locals.locale);
	return {
		regions: regionOptions(),
		schools: schools
			.map((s) => ({
				id: s.id,
				name: s.name,
				place: `${s.city}, ${regionName(s.region)}`,
				activeStaff: s.activeStaff,
				admins: s.admins,
				created: formatDate(s.createdAt, locals.locale, config().timeZone)
			}))
			.sort((a, b) => order.compare(a.name, b.name))
	};
};

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			const result = await addSchool(database(), actor, values);
			return {
				added: {
					email: String(values.adminEmail).trim().toLowerCase(),
					url: result.invitation.url,
					emailed: result.emailed,
					expires: formatDate(result.invitation.expiresAt, locals.locale, config().timeZone)
				}
			};
		});
	}
};
