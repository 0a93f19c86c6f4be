import { redirect } from '@sveltejs/kit';
import { isViewable } from '$lib/server/domain/materials/get-attachment';
import { getMaterial } from '$lib/server/domain/materials/get-material';
import { asId, type GroupId, type MaterialId } from '$lib/server/domain/ids';
import { getReviewForm } from '$lib/server/domain/reviews/get-review-form';
import { recommendations, saveReviewInput } from '$lib/server/domain/reviews/input';
import { saveReview } from '$lib/server/domain/reviews/save-review';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { reviewScores } from '$lib/server/web/material-form';
import {
	criterionDescription,
	criterionLabel,
	fileSize,
	materialTypeName,
	recommendationName,
	scoreDescriptions
} from '$lib/server/web/material-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = actorCtx(locals);
	const ids = {
		groupId: asId<GroupId>(params.groupId),
		materialId: asId<MaterialId>(params.materialId)
	};
	// The form first: it refuses an author or a material not up for review.
	const form = await orHttpError(getReviewForm(ctx, ids));
	// The material itself, read beside the scores (whoever may review it may read it).
	const { material, attachments } = await orHttpError(getMaterial(ctx, ids));
	const base = `/groups/${params.groupId}/materials/${params.materialId}`;
	return {
		material: form.material,
		text: {
			type: materialTypeName(material.type),
			language: material.language,
			abstract: material.abstract,
			bodyHtml: material.bodyHtml,
			files: attachments.map((a) => ({
				id: a.id,
				name: a.name,
				size: fileSize(a.size, locals.locale),
				href: `${base}/files/${a.id}`,
				inline: isViewable(a.kind),
				preview: a.kind === 'docx' ? `${base}/files/${a.id}/preview` : null
			}))
		},
		criteria: form.criteria.map((c) => ({
			id: c.id,
			label: criterionLabel(c),
			description: criterionDescription(c)
		})),
		scale: scoreDescriptions(),
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
		// Redirected from inside runForm: a post without JavaScript would otherwise be sent
		// back to this form (redirect after post) instead of to the material's reviews.
		return runForm(event, async (values) => {
			await saveReview(
				ctx,
				formInput(saveReviewInput, values, { ...ids, scores: reviewScores(values) })
			);
			redirect(303, `/groups/${params.groupId}/materials/${params.materialId}#reviews`);
		});
	}
};
