import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../validation';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { materialForm, offeredMaterial, tempStore } from '../../test/materials';
import { useTestDatabase } from '../../test/vitest';
import { getMaterial } from '../materials/get-material';
import { listMyMaterials } from '../materials/list-my-materials';
import { updateMaterial } from '../materials/update-material';
import { defaultCriteria, listCriteria } from '../materials/criteria';
import { getCriteria } from './get-criteria';
import { getReviewForm } from './get-review-form';
import { saveReview } from './save-review';
import { setCriteria } from './set-criteria';

const t = useTestDatabase();
const { store } = tempStore();
let w: GroupWorld;

/** A review giving every active criterion the same score. */
async function reviewForm(groupId: string, score: number, over: Record<string, string> = {}) {
	const criteria = await listCriteria(t.db, groupId, { activeOnly: true });
	return {
		recommendation: 'accept',
		comment: 'Жакшы иштелип чыккан.',
		...Object.fromEntries(
			criteria.flatMap((c) => [
				[`score_${c.id}`, String(score)],
				[`note_${c.id}`, '']
			])
		),
		...over
	};
}

describe('review criteria (§5.4)', () => {
	it('a new group starts with the five default criteria; the leader changes them, a member cannot', async () => {
		w = await makeGroupWorld(t.db);
		const criteria = await listCriteria(t.db, w.groupId, { activeOnly: false });
		expect(criteria.map((c) => c.builtin)).toEqual([...defaultCriteria]);
		expect((await getCriteria(t.db, w.member, w.groupId)).canSet).toBe(false);
		expect((await getCriteria(t.db, w.leader, w.groupId)).canSet).toBe(true);

		const form: Record<string, string> = { newName: 'Санариптик куралдарды колдонуу' };
		for (const c of criteria) {
			form[`active_${c.id}`] = c.builtin === 'novelty' ? '' : 'on';
			form[`name_${c.id}`] = c.builtin === 'relevance' ? 'Темага шайкештиги' : '';
		}
		expect((await appError(setCriteria(t.db, w.member, w.groupId, form))).code).toBe('forbidden');
		await setCriteria(t.db, w.leader, w.groupId, form);
		const after = await listCriteria(t.db, w.groupId, { activeOnly: true });
		expect(after.map((c) => c.builtin ?? c.name)).toEqual([
			'relevance',
			'practical_value',
			'methodological_quality',
			'age_fit_and_law',
			'Санариптик куралдарды колдонуу'
		]);
		expect(after[0]!.name).toBe('Темага шайкештиги');
		// Turning everything off is refused.
		const none = Object.fromEntries(after.map((c) => [`active_${c.id}`, '']));
		expect((await appError(setCriteria(t.db, w.leader, w.groupId, none))).messageKey).toBe(
			'error_criteria_none_active'
		);
	});
});

describe('structured reviews', () => {
	it('members and external members review; an author cannot; averages count each reviewer once', async () => {
		const materialId = await offeredMaterial(t.db, store, w.member, w.groupId);
		expect(
			(
				await appError(
					saveReview(t.db, w.member, w.groupId, materialId, await reviewForm(w.groupId, 5))
				)
			).messageKey
		).toBe('error_review_own_material');
		expect((await appError(getReviewForm(t.db, w.staff, w.groupId, materialId))).code).toBe(
			'forbidden'
		);
		expect((await appError(getReviewForm(t.db, w.otherTeacher, w.groupId, materialId))).code).toBe(
			'not_found'
		);

		// Every score is required, 1 to 5.
		const bad = await appError(
			saveReview(t.db, w.leader, w.groupId, materialId, { recommendation: 'maybe', comment: '' })
		);
		const fields = (bad as ValidationError).issues.map((i) => [i.field.replace(/_.*/, ''), i.key]);
		expect(fields).toContainEqual(['recommendation', 'error_choice']);
		expect(fields).toContainEqual(['score', 'error_score']);

		await saveReview(t.db, w.leader, w.groupId, materialId, await reviewForm(w.groupId, 4));
		await saveReview(
			t.db,
			w.scientist,
			w.groupId,
			materialId,
			await reviewForm(w.groupId, 2, { recommendation: 'revise' })
		);
		// Saving again on the same version replaces the review.
		await saveReview(t.db, w.leader, w.groupId, materialId, await reviewForm(w.groupId, 5));
		let view = await getMaterial(t.db, w.staff, w.groupId, materialId);
		expect(view.reviews.reviews).toHaveLength(2);
		expect(view.reviews.averages.filter((a) => a.count > 0).map((a) => a.average)).toEqual([
			3.5, 3.5, 3.5, 3.5, 3.5
		]);
		expect(view.reviews.recommendations).toEqual({ accept: 1, revise: 1, reject: 0 });

		// A new version: the old reviews stay with version 1; the leader reviews version 2.
		await updateMaterial(
			t.db,
			store,
			w.member,
			w.groupId,
			materialId,
			materialForm({ abstract: 'Жаңыланды.' })
		);
		expect((await listMyMaterials(t.db, w.leader)).waiting.map((m) => m.id)).toContain(materialId);
		await saveReview(t.db, w.leader, w.groupId, materialId, await reviewForm(w.groupId, 3));
		view = await getMaterial(t.db, w.staff, w.groupId, materialId);
		expect(view.reviews.reviews.map((r) => [r.reviewerName, r.versionNumber])).toEqual([
			[w.leader.fullName, 2],
			[w.leader.fullName, 1],
			[w.scientist.fullName, 1]
		]);
		// The leader's latest (3) and the scientist's (2).
		expect(view.reviews.averages[0]!.average).toBe(2.5);
		expect((await listMyMaterials(t.db, w.leader)).waiting.map((m) => m.id)).not.toContain(
			materialId
		);
	});
});
