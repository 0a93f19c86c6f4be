import { config } from '$lib/server/config.js';
import { addSchool } from '$lib/server/domain/schools/add-school';
import { addSchoolInput } from '$lib/server/domain/schools/input';
import { listSchools } from '$lib/server/domain/schools/list-schools';
import { collator, formatDate } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { regionName, regionOptions } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const schools = await orHttpError(listSchools(actorCtx(locals)));
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
	add: async (event) => {
		const ctx = actorCtx(event.locals);
		const { locale } = event.locals;
		return runForm(event, async (values) => {
			const result = await addSchool(ctx, formInput(addSchoolInput, values));
			return {
				added: {
					email: String(values.adminEmail).trim().toLowerCase(),
					url: result.invitation.url,
					emailed: result.emailed,
					expires: formatDate(result.invitation.expiresAt, locale, config().timeZone)
				}
			};
		});
	}
};
