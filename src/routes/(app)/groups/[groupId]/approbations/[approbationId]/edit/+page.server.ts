import { redirect } from '@sveltejs/kit';
import { answersToValues, answersFromForm, type Answers } from '$lib/server/domain/forms/answers';
import { getApprobationForEdit } from '$lib/server/domain/approbations/get-approbation-for-edit';
import { MAX_CLASSES, MAX_INDICATORS, MAX_PUPILS } from '$lib/server/domain/approbations/input';
import { updateApprobation } from '$lib/server/domain/approbations/update-approbation';
import { asId, type ApprobationId, type GroupId } from '$lib/server/domain/ids';
import {
	approbationValues,
	classBlocks,
	decodeApprobation,
	onBlocks
} from '$lib/server/web/approbation-views';
import { actorCtx } from '$lib/server/web/context';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

const idsOf = (params: { groupId: string; approbationId: string }) => ({
	groupId: asId<GroupId>(params.groupId),
	approbationId: asId<ApprobationId>(params.approbationId)
});

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await orHttpError(getApprobationForEdit(actorCtx(locals), idsOf(params)));
	const values = {
		...approbationValues(page.values),
		...(page.reportForm && page.reportAnswers
			? answersToValues(page.reportForm.fields, page.reportAnswers as Answers)
			: {})
	};
	return {
		approbationId: params.approbationId,
		title: page.title,
		values,
		reportForm: page.reportForm,
		// The classes there are and one spare block, always the same on a failed post.
		blocks: classBlocks(values, 1),
		limits: { classes: MAX_CLASSES, pupils: MAX_PUPILS, indicators: MAX_INDICATORS }
	};
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		const saved = await runForm(event, async (values) => {
			const page = await getApprobationForEdit(ctx, ids);
			const decoded = decodeApprobation(values);
			await onBlocks(decoded, () =>
				updateApprobation(ctx, {
					...ids,
					...decoded.fields,
					...(page.reportForm ? { report: answersFromForm(page.reportForm.fields, values) } : {})
				})
			);
			return { saved: true as const };
		});
		if ('saved' in saved)
			redirect(303, `/groups/${ids.groupId}/approbations/${ids.approbationId}?saved=1`);
		return saved;
	}
};
