import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { getObservationForm } from '$lib/server/domain/approbations/get-observation-form';
import { observeLessonInput } from '$lib/server/domain/approbations/input';
import { observeLesson } from '$lib/server/domain/approbations/observe-lesson';
import { answersFromForm } from '$lib/server/domain/forms/answers';
import { asId, type ApprobationId, type GroupId } from '$lib/server/domain/ids';
import { actorCtx } from '$lib/server/web/context';
import { today } from '$lib/server/web/days';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

const idsOf = (params: { groupId: string; approbationId: string }) => ({
	groupId: asId<GroupId>(params.groupId),
	approbationId: asId<ApprobationId>(params.approbationId)
});

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await orHttpError(
		getObservationForm(actorCtx(locals), { ...idsOf(params), locale: locals.locale })
	);
	return {
		approbationId: params.approbationId,
		title: page.title,
		classes: page.classes.map((c) => ({ value: c.id, label: c.name })),
		sheet: page.sheet,
		defaults: { observedOn: today(config().timeZone) }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		const locale = event.locals.locale;
		const result = await runForm(event, async (values) => {
			const page = await getObservationForm(ctx, { ...ids, locale });
			return observeLesson(ctx, {
				...formInput(observeLessonInput, values, ids),
				sheet: answersFromForm(page.sheet.fields, values),
				locale
			});
		});
		if ('observationId' in result)
			redirect(303, `/groups/${ids.groupId}/approbations/${ids.approbationId}?observed=1`);
		return result;
	}
};
