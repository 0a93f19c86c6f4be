import type { DB, Recommendation } from '../../db/types';
import { listCriteria, type Criterion } from './criteria';

export interface ReviewView {
	id: string;
	reviewerId: string;
	reviewerName: string;
	/** The reviewer's photo, if any (their face on the material's page). */
	reviewerPhotoKey: string | null;
	reviewerPhotoUpdatedAt: Date | null;
	versionNumber: number;
	recommendation: Recommendation;
	comment: string;
	updatedAt: Date;
	scores: { criterionId: string; score: number; comment: string }[];
}

/**
 * Every review of a material with the version it judged, and the average per criterion
 * over each reviewer's latest review (a reviewer who judged v1 and v2 counts once).
 */
export async function reviewSummary(db: DB, groupId: string, materialId: string) {
	const rows = await db
		.selectFrom('reviews as r')
		.innerJoin('users as u', 'u.id', 'r.reviewerId')
		.select([
			'r.id',
			'r.reviewerId',
			'u.fullName as reviewerName',
			'u.photoKey as reviewerPhotoKey',
			'u.photoUpdatedAt as reviewerPhotoUpdatedAt',
			'r.versionNumber',
			'r.recommendation',
			'r.comment',
			'r.updatedAt'
		])
		.where('r.materialId', '=', materialId)
		.orderBy('r.versionNumber', 'desc')
		.orderBy('r.updatedAt', 'desc')
		.execute();
	const scores =
		rows.length === 0
			? []
			: await db
					.selectFrom('reviewScores')
					.select(['reviewId', 'criterionId', 'score', 'comment'])
					.where(
						'reviewId',
						'in',
						rows.map((r) => r.id)
					)
					.execute();
	const reviews: ReviewView[] = rows.map((r) => ({
		...r,
		versionNumber: Number(r.versionNumber),
		scores: scores
			.filter((s) => s.reviewId === r.id)
			.map((s) => ({ criterionId: s.criterionId, score: Number(s.score), comment: s.comment }))
	}));
	const latest = new Map<string, ReviewView>();
	for (const r of reviews) if (!latest.has(r.reviewerId)) latest.set(r.reviewerId, r);
	const criteria: Criterion[] = await listCriteria(db, groupId, { activeOnly: false });
	const averages = criteria
		.map((c) => {
			const values = [...latest.values()].flatMap((r) =>
				r.scores.filter((s) => s.criterionId === c.id).map((s) => s.score)
			);
			return {
				criterion: c,
				count: values.length,
				average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null
			};
		})
		.filter((a) => a.count > 0 || a.criterion.isActive);
	const recommendations = { accept: 0, revise: 0, reject: 0 };
	for (const r of latest.values()) recommendations[r.recommendation]++;
	return { reviews, averages, recommendations, criteria };
}
