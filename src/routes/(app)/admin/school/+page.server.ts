import { getSchool } from '$lib/server/domain/schools/get-school';
import { updateSchoolInput } from '$lib/server/domain/schools/input';
import { updateSchool } from '$lib/server/domain/schools/update-school';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { regionOptions } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const ctx = actorCtx(locals);
	const school = await orHttpError(getSchool(ctx, { schoolId: ctx.actor.schoolId! }));
	return {
		school: { name: school.name, region: school.region, city: school.city },
		regions: regionOptions()
	};
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = actorCtx(event.locals);
		const schoolId = ctx.actor.schoolId!;
		return runForm(event, async (values) => {
			await updateSchool(ctx, formInput(updateSchoolInput, values, { schoolId }));
			return { saved: true as const };
		});
	}
};
