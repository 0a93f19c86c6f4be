import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import { AppError } from '../../errors';
import { links, notify } from '../../notify';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen } from '../group-access/access';
import { listCriteria } from '../materials/criteria';
import { canReviewMaterial } from '../materials/policy';
import { assertSameVersion, materialAccess } from '../materials/queries';
import { reviewFor, type SaveReviewInput } from './input';

/**
 * §3.3, §5.4: a member's structured opinion on the material's current version: a score and
 * a note per criterion, a recommendation. Saving again before a new version replaces it;
 * a new version gets a new review, and the old one stays with the version it judged.
 */
export async function saveReview(
	{ db, actor, now }: Ctx,
	input: SaveReviewInput
): Promise<{ reviewId: string }> {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	if (access.isAuthor && access.role !== null)
		throw new AppError('forbidden', 'error_review_own_material');
	assertAllowed(canReviewMaterial(actor, access, access.material.status));
	assertOpen(access);
	const criteria = await listCriteria(db, input.groupId, { activeOnly: true });
	const review = validate(reviewFor(criteria.map((c) => c.id)), input);
	const { materialId } = review;
	const versionNumber = access.material.versionNumber;
	assertSameVersion(review.version, versionNumber);
	return retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			const existing = await trx
				.selectFrom('reviews')
				.select('id')
				.where('materialId', '=', materialId)
				.where('versionNumber', '=', versionNumber)
				.where('reviewerId', '=', actor.id)
				.executeTakeFirst();
			const reviewId = existing?.id ?? newId();
			if (existing) {
				await trx
					.updateTable('reviews')
					.set({ recommendation: review.recommendation, comment: review.comment, updatedAt: now })
					.where('id', '=', reviewId)
					.execute();
				await trx.deleteFrom('reviewScores').where('reviewId', '=', reviewId).execute();
			} else {
				await trx
					.insertInto('reviews')
					.values({
						id: reviewId,
						materialId,
						versionNumber,
						reviewerId: actor.id,
						recommendation: review.recommendation,
						comment: review.comment,
						createdAt: now,
						updatedAt: now
					})
					.execute();
			}
			if (criteria.length > 0)
				await trx
					.insertInto('reviewScores')
					.values(
						criteria.map((c) => ({
							reviewId,
							criterionId: c.id,
							score: review.scores[c.id]!.score,
							comment: review.scores[c.id]!.note
						}))
					)
					.execute();
			// Told once per review: saving it again before a new version is no news.
			await notify(
				{ db: trx, now, actor },
				{
					kind: 'review.received',
					key: reviewId,
					groupId: access.group.id,
					subject: access.material.title,
					link: links.material(access.group.id, materialId),
					materialId
				}
			);
			return { reviewId };
		})
	);
}
