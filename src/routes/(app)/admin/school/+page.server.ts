import { database } from '$lib/server/db';
import { getSchool } from '$lib/server/domain/schools/get-school';
import { updateSchool } from '$lib/server/domain/schools/update-school';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { regionOptions } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	const school = await orHttpError(getSchool(database(), actor, actor.schoolId!));
	return {
		school: { name: school.name, region: school.region, city: school.city },
		regions: regionOptions()
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await updateSchool(database(), actor, actor.schoolId!, values);
			return { saved: true as const };
		});
	}
};
