import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { ValidationError } from '../../validation';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { ctxWithStore, materialInput, offeredMaterial, tempStore } from '../../test/materials';
import { useTestDatabase } from '../../test/vitest';
import { formInput } from '../../web/form-input';
import { criteriaRows, reviewScores } from '../../web/material-form';
import { asId, type CriterionId, type MaterialId } from '../ids';
import { getMaterial } from '../materials/get-material';
import { listMyMaterials } from '../materials/list-my-materials';
import { updateMaterial } from '../materials/update-material';
import { defaultCriteria, listCriteria } from '../materials/criteria';
import { getCriteria } from './get-criteria';
import { getReviewForm } from './get-review-form';
import { saveReviewInput, setCriteriaInput, type SaveReviewInput } from './input';
import { saveReview } from './save-review';
import { setCriteria } from './set-criteria';

const t = useTestDatabase();
const { store } = tempStore();
let w: GroupWorld;
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});
const as = (actor: Actor) => ctxWithStore(t.db, actor, store);

/** A review of the material giving every active criterion the same score. */
async function review(
	materialId: MaterialId,
	score: number,
	over: Partial<SaveReviewInput> = {}
): Promise<SaveReviewInput> {
	const criteria = await listCriteria(t.db, w.groupId, { activeOnly: true });
	return {
		groupId: w.groupId,
		materialId,
		recommendation: 'accept',
		comment: 'Жакшы иштелип чыккан.',
		scores: Object.fromEntries(criteria.map((c) => [asId<CriterionId>(c.id), { score }])),
		...over
	};
}

describe('review criteria (§5.4)', () => {
	it('a new group starts with the five default criteria; the leader changes them, a member cannot', async () => {
		const criteria = await listCriteria(t.db, w.groupId, { activeOnly: false });
		expect(criteria.map((c) => c.builtin)).toEqual([...defaultCriteria]);
		expect((await getCriteria(as(w.member), { groupId: w.groupId })).canSet).toBe(false);
		expect((await getCriteria(as(w.leader), { groupId: w.groupId })).canSet).toBe(true);

		const rows = Object.fromEntries(
			criteria.map((c) => [
				asId<CriterionId>(c.id),
				{
					isActive: c.builtin !== 'novelty',
					name: c.builtin === 'relevance' ? 'Темага шайкештиги' : undefined
				}
			])
		);
		const input = { groupId: w.groupId, criteria: rows, newName: 'Санариптик куралдарды колдонуу' };
		expect((await appError(setCriteria(as(w.member), input))).code).toBe('forbidden');
		await setCriteria(as(w.leader), input);
		const after = await listCriteria(t.db, w.groupId, { activeOnly: true });
		expect(after.map((c) => c.builtin ?? c.name)).toEqual([
			'relevance',
			'practical_value',
			'methodological_quality',
			'age_fit_and_law',
			'Санариптик куралдарды колдонуу'
		]);
		expect(after[0]!.name).toBe('Темага шайкештиги');
	});

	it('the criteria form: a ticked box is in use, a blank name is none; nothing in use is refused', async () => {
		const criteria = await listCriteria(t.db, w.groupId, { activeOnly: false });
		const [first, ...rest] = criteria;
		expect(rest.length).toBeGreaterThan(0);
		// As the form sends it: one box and one name per criterion, unticked boxes left out.
		const values: Record<string, string> = { newName: '', [`active_${first!.id}`]: 'on' };
		for (const c of criteria) values[`name_${c.id}`] = c.id === first!.id ? 'Жаңы ат' : '';
		const form = (v: Record<string, string>) =>
			formInput(setCriteriaInput, v, { groupId: w.groupId, criteria: criteriaRows(v) });
		await setCriteria(as(w.leader), form(values));
		const after = await listCriteria(t.db, w.groupId, { activeOnly: false });
		expect(after.filter((c) => c.isActive).map((c) => [c.id, c.name])).toEqual([
			[first!.id, 'Жаңы ат']
		]);
		// Turning everything off is refused.
		const none = Object.fromEntries(after.map((c) => [`name_${c.id}`, '']));
		expect((await appError(setCriteria(as(w.leader), form(none)))).messageKey).toBe(
			'error_criteria_none_active'
		);
		const long = await appError(
			setCriteria(as(w.leader), form({ ...values, [`name_${first!.id}`]: 'ы'.repeat(201) }))
		);
		expect((long as ValidationError).issues.map((i) => i.field)).toEqual([
			`criteria.${first!.id}.name`
		]);
	});
});

describe('structured reviews', () => {
	it('members and external members review; an author cannot; averages count each reviewer once', async () => {
		const materialId = await offeredMaterial(t.db, store, w.member, w.groupId);
		const ref = { groupId: w.groupId, materialId };
		expect((await appError(saveReview(as(w.member), await review(materialId, 5)))).messageKey).toBe(
			'error_review_own_material'
		);
		expect((await appError(getReviewForm(as(w.staff), ref))).code).toBe('forbidden');
		expect((await appError(getReviewForm(as(w.otherTeacher), ref))).code).toBe('not_found');

		await saveReview(as(w.leader), await review(materialId, 4));
		await saveReview(as(w.scientist), await review(materialId, 2, { recommendation: 'revise' }));
		// Saving again on the same version replaces the review.
		await saveReview(as(w.leader), await review(materialId, 5));
		let view = await getMaterial(as(w.admin), ref);
		expect(view.reviews.reviews).toHaveLength(2);
		expect(view.reviews.averages.filter((a) => a.count > 0).map((a) => a.average)).toEqual([
			3.5, 3.5, 3.5, 3.5, 3.5
		]);
		expect(view.reviews.recommendations).toEqual({ accept: 1, revise: 1, reject: 0 });

		// A new version: the old reviews stay with version 1; the leader reviews version 2.
		await updateMaterial(as(w.member), {
			...ref,
			...materialInput({ abstract: 'Жаңыланды.' })
		});
		expect((await listMyMaterials(as(w.leader), {})).waiting.map((m) => m.id)).toContain(
			materialId
		);
		// The form showed version 1: a review of it is refused now.
		expect(
			(await appError(saveReview(as(w.leader), await review(materialId, 3, { version: 1 }))))
				.messageKey
		).toBe('error_material_new_version');
		await saveReview(as(w.leader), await review(materialId, 3, { version: 2 }));
		view = await getMaterial(as(w.admin), ref);
		expect(view.reviews.reviews.map((r) => [r.reviewerName, r.versionNumber])).toEqual([
			[w.leader.fullName, 2],
			[w.leader.fullName, 1],
			[w.scientist.fullName, 1]
		]);
		// The leader's latest (3) and the scientist's (2).
		expect(view.reviews.averages[0]!.average).toBe(2.5);
		expect((await listMyMaterials(as(w.leader), {})).waiting.map((m) => m.id)).not.toContain(
			materialId
		);
	});

	it('every active criterion needs a score 1–5 and the recommendation a choice', async () => {
		const materialId = await offeredMaterial(t.db, store, w.member, w.groupId);
		const criteria = await listCriteria(t.db, w.groupId, { activeOnly: true });
		expect(criteria.length).toBeGreaterThan(0);
		// As the form sends it: nothing chosen, one score out of range.
		const values = {
			recommendation: 'maybe',
			comment: '',
			[`score_${criteria[0]!.id}`]: '7',
			[`note_${criteria[0]!.id}`]: ''
		};
		const ids = { groupId: w.groupId, materialId };
		const input = formInput(saveReviewInput, values, { ...ids, scores: reviewScores(values) });
		const bad = await appError(saveReview(as(w.leader), input));
		const fields = Object.fromEntries((bad as ValidationError).issues.map((i) => [i.field, i.key]));
		expect(fields).toEqual({
			recommendation: 'error_choice',
			...Object.fromEntries(criteria.map((c) => [`scores.${c.id}.score`, 'error_score']))
		});
		// The form's review, scored: the form's fields decode to the use case's scores.
		const good: Record<string, string> = { ...values, recommendation: 'revise' };
		for (const c of criteria) good[`score_${c.id}`] = '4';
		await saveReview(
			as(w.leader),
			formInput(saveReviewInput, good, { ...ids, scores: reviewScores(good) })
		);
		const form = await getReviewForm(as(w.leader), ids);
		expect(form.isUpdate).toBe(true);
		expect(form.values[`score_${criteria[0]!.id}`]).toBe('4');
	});
});
