import { redirect } from '@sveltejs/kit';
import { asId, type GroupId, type MaterialId } from '$lib/server/domain/ids';
import { getReviewForm } from '$lib/server/domain/reviews/get-review-form';
import { recommendations, saveReviewInput } from '$lib/server/domain/reviews/input';
import { saveReview } from '$lib/server/domain/reviews/save-review';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { reviewScores } from '$lib/server/web/material-form';
import { criterionLabel, recommendationName } from '$lib/server/web/material-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const form = await orHttpError(
		getReviewForm(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			materialId: asId<MaterialId>(params.materialId)
		})
	);
	return {
		material: form.material,
		criteria: form.criteria.map((c) => ({ id: c.id, label: criterionLabel(c) })),
		recommendations: recommendations.map((value) => ({ value, label: recommendationName(value) })),
		values: form.values,
		isUpdate: form.isUpdate
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params } = event;
		const ctx = actorCtx(locals);
		const ids = {
			groupId: asId<GroupId>(params.groupId),
			materialId: asId<MaterialId>(params.materialId)
		};
		const saved = await runForm(event, (values) =>
			saveReview(ctx, formInput(saveReviewInput, values, { ...ids, scores: reviewScores(values) }))
		);
		if ('reviewId' in saved)
			redirect(303, `/groups/${params.groupId}/materials/${params.materialId}#reviews`);
		return saved;
	}
};
