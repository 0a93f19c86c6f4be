import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { getReviewForm } from '$lib/server/domain/reviews/get-review-form';
import { recommendations } from '$lib/server/domain/reviews/input';
import { saveReview } from '$lib/server/domain/reviews/save-review';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { criterionLabel, recommendationName } from '$lib/server/web/material-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const form = await orHttpError(
		getReviewForm(database(), actor, params.groupId, params.materialId)
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
	default: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const saved = await runForm(request, (values) =>
			saveReview(database(), actor, params.groupId, params.materialId, values)
		);
		if ('reviewId' in saved)
			redirect(303, `/groups/${params.groupId}/materials/${params.materialId}#reviews`);
		return saved;
	}
};
