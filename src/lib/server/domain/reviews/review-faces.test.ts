import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import {
	ctxWithStore,
	offeredMaterial,
	reviewEveryCriterion,
	tempStore
} from '../../test/materials';
import { useTestDatabase } from '../../test/vitest';
import { faceOf } from '../../web/faces';
import { criterionDescription, criterionLabel, scoreDescriptions } from '../../web/material-views';
import type { MaterialId } from '../ids';
import { getMaterial } from '../materials/get-material';
import { getReviewForm } from './get-review-form';

// Issue 17: a review shows its reviewer's face; the review form says what each built-in
// criterion and each score means.

const t = useTestDatabase();
const { store } = tempStore();
let w: GroupWorld;
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});
const as = (actor: Actor) => ctxWithStore(t.db, actor, store);

const reviewAll = (actor: Actor, materialId: MaterialId, score: number) =>
	reviewEveryCriterion(as(actor), { groupId: w.groupId, materialId, score });

describe('reviews with faces', () => {
	it("a review carries its reviewer's photo when there is one, initials otherwise", async () => {
		const materialId = await offeredMaterial(t.db, store, w.member, w.groupId);
		await reviewAll(w.leader, materialId, 4);
		await reviewAll(w.scientist, materialId, 5);
		const photoAt = new Date('2026-11-01T08:00:00Z');
		await t.db
			.updateTable('users')
			.set({ photoKey: 'photos/leader.webp', photoUpdatedAt: photoAt })
			.where('id', '=', w.leader.id)
			.execute();

		const { reviews } = await getMaterial(as(w.member), { groupId: w.groupId, materialId });
		const faces = new Map(
			reviews.reviews.map((r) => [
				r.reviewerId,
				faceOf({
					id: r.reviewerId,
					fullName: r.reviewerName,
					photoKey: r.reviewerPhotoKey,
					photoUpdatedAt: r.reviewerPhotoUpdatedAt
				})
			])
		);
		expect(faces.get(w.leader.id)).toEqual({
			name: w.leader.fullName,
			photo: `/people/${w.leader.id}/photo?v=${photoAt.getTime().toString(36)}`
		});
		expect(faces.get(w.scientist.id)).toEqual({ name: w.scientist.fullName, photo: null });
	});
});

describe('what the criteria and the scores mean', () => {
	it('each built-in criterion has a description; a renamed or added one has none', async () => {
		const materialId = await offeredMaterial(t.db, store, w.member, w.groupId);
		const form = await getReviewForm(as(w.leader), { groupId: w.groupId, materialId });
		expect(form.criteria).toHaveLength(5);
		for (const c of form.criteria) {
			const description = criterionDescription(c);
			expect(description).toBeTruthy();
			expect(description).not.toBe(criterionLabel(c));
			expect(description).not.toMatch(/^work_criterion_/);
		}
		expect(criterionDescription({ builtin: 'novelty', name: 'Жаңычылдыгы' })).toBeNull();
		expect(criterionDescription({ builtin: null, name: 'Көрктүүлүгү' })).toBeNull();
	});

	it('the scale of 1 to 5 says what each score means', () => {
		const scale = scoreDescriptions();
		expect(scale.map((s) => s.score)).toEqual(['1', '2', '3', '4', '5']);
		expect(new Set(scale.map((s) => s.description)).size).toBe(5);
		for (const s of scale) expect(s.description).not.toMatch(/^work_review_score_/);
	});
});
