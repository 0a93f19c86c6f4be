import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { listCriteria } from '../materials/criteria';
import { canReviewMaterial } from '../materials/policy';
import { materialAccess } from '../materials/queries';
import { getReviewFormInput, type GetReviewFormInput } from './input';

/** The review form: the active criteria and the actor's review of this version, if any. */
export async function getReviewForm({ db, actor }: Ctx, input: GetReviewFormInput) {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	if (access.isAuthor && access.role !== null)
		throw new AppError('forbidden', 'error_review_own_material');
	assertAllowed(canReviewMaterial(actor, access, access.material.status));
	const { groupId, materialId } = validate(getReviewFormInput, input);
	const criteria = await listCriteria(db, groupId, { activeOnly: true });
	const review = await db
		.selectFrom('reviews')
		.select(['id', 'recommendation', 'comment'])
		.where('materialId', '=', materialId)
		.where('versionNumber', '=', access.material.versionNumber)
		.where('reviewerId', '=', actor.id)
		.executeTakeFirst();
	const scores = review
		? await db
				.selectFrom('reviewScores')
				.select(['criterionId', 'score', 'comment'])
				.where('reviewId', '=', review.id)
				.execute()
		: [];
	const values: Record<string, string> = {};
	if (review) {
		values.recommendation = review.recommendation;
		values.comment = review.comment;
		for (const s of scores) {
			values[`score_${s.criterionId}`] = String(s.score);
			values[`note_${s.criterionId}`] = s.comment;
		}
	}
	return {
		material: {
			id: access.material.id,
			title: access.material.title,
			versionNumber: access.material.versionNumber,
			status: access.material.status
		},
		groupName: access.group.name,
		criteria,
		values,
		isUpdate: review !== undefined
	};
}
