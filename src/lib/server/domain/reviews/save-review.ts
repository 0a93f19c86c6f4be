import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import type { DB, Recommendation } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { assertAllowed, assertOpen } from '../group-access/access';
import { canReviewMaterial } from '../materials/policy';
import { assertSameVersion, materialAccess } from '../materials/queries';
import { listCriteria } from '../materials/criteria';
import { reviewInput } from './input';

/**
 * §3.3, §5.4: a member's structured opinion on the material's current version: a score and
 * a note per criterion, a recommendation. Saving again before a new version replaces it;
 * a new version gets a new review, and the old one stays with the version it judged.
 */
export async function saveReview(
	db: DB,
	actor: Actor,
	groupId: string,
	materialId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ reviewId: string }> {
	const access = await materialAccess(db, actor, groupId, materialId);
	if (access.isAuthor && access.role !== null)
		throw new AppError('forbidden', 'error_review_own_material');
	assertAllowed(canReviewMaterial(actor, access, access.material.status));
	assertOpen(access);
	const criteria = await listCriteria(db, groupId, { activeOnly: true });
	const input = validate(reviewInput(criteria.map((c) => c.id)), rawInput) as Record<
		string,
		string | number
	> & { recommendation: Recommendation; comment: string; version?: number };
	const versionNumber = access.material.versionNumber;
	assertSameVersion(input.version, versionNumber);
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
					.set({ recommendation: input.recommendation, comment: input.comment, updatedAt: now })
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
						recommendation: input.recommendation,
						comment: input.comment,
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
							score: Number(input[`score_${c.id}`]),
							comment: String(input[`note_${c.id}`] ?? '')
						}))
					)
					.execute();
			return { reviewId };
		})
	);
}
