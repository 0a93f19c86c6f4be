import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Actor } from '../../access/actor';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import {
	ctxWithStore,
	offeredMaterial,
	receivedFile,
	tempStore,
	tinyPdf
} from '../../test/materials';
import { useTestDatabase } from '../../test/vitest';
import type { ValidationError } from '../../validation';
import { adoptDefaultForm } from '../forms/adopt-default-form';
import { updateSettings } from '../groups/update-settings';
import { asId, type ApprobationClassId, type ApprobationId, type MaterialId } from '../ids';
import { createProposal } from '../proposals/create-proposal';
import { askToObserve } from './ask-to-observe';
import { attachApprobationFiles } from './attach-files';
import { getApprobation } from './get-approbation';
import { getApprobationFile } from './get-file';
import { getObservationForm } from './get-observation-form';
import { getGroupResults } from './group-results';
import type { ClassInput, RecordApprobationInput } from './input';
import { listApprobations } from './list-approbations';
import { materialResults } from './material-results';
import { observeLesson } from './observe-lesson';
import { recordApprobation } from './record-approbation';
import { reportFormOf } from './report';
import { updateApprobation } from './update-approbation';

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let w: GroupWorld;
let materialId: MaterialId;
const as = (actor: Actor) => ctxWithStore(t.db, actor, store);
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
	// The member wrote the material; the leader tries it in class.
	materialId = await offeredMaterial(t.db, store, w.member, w.groupId);
});

const fiveB: ClassInput = {
	name: '5-Б',
	grade: 5,
	pupils: 25,
	before: { fives: 3, fours: 9, threes: 10, twos: 3 },
	after: { fives: 5, fours: 10, threes: 8, twos: 2 },
	indicators: [{ name: 'Окуу ылдамдыгы', unit: 'сөз/мүн', before: 62, after: 71 }]
};
const sixA: ClassInput = {
	name: '6-А',
	grade: 6,
	pupils: 27,
	before: { fives: 2, fours: 6, threes: 13, twos: 6 },
	after: { fives: 3, fours: 7, threes: 12, twos: 5 }
};
const record = (over: Partial<RecordApprobationInput> = {}): RecordApprobationInput => ({
	groupId: w.groupId,
	materialId,
	title: 'Оюн аркылуу окуу: 5-6-класстар',
	startsOn: '2026-10-01',
	endsOn: '2026-11-15',
	plan: 'Ар жумада эки сабак.',
	observations: 'Окуучулар активдүү.',
	conclusion: 'Билим сапаты өстү.',
	classes: [fiveB, sixA],
	...over
});
/** The default observation sheet, filled in: every criterion 4 of 5. */
const sheet = {
	lessonDate: '2026-10-20',
	...Object.fromEntries(
		[
			'goals',
			'content',
			'methods',
			'activity',
			'practice',
			'organisation',
			'assessment',
			'style'
		].map((k) => [k, 4])
	),
	conclusion: 'Сабак максатына жетти.'
};
const issuesOf = (error: unknown) =>
	Object.fromEntries(
		(error as ValidationError).issues.map((i) => [i.field, [i.key, i.params ?? {}]])
	);

describe('recording an approbation (§4.1)', () => {
	it('a member records trying a material in two classes; the exact version is kept', async () => {
		const { approbationId } = await recordApprobation(as(w.leader), record());
		const row = await t.db
			.selectFrom('approbations')
			.selectAll()
			.where('id', '=', approbationId)
			.executeTakeFirstOrThrow();
		const version = await t.db
			.selectFrom('materialVersions')
			.select(['id', 'number'])
			.where('materialId', '=', materialId)
			.executeTakeFirstOrThrow();
		expect(row.materialVersionId).toBe(version.id);
		expect(Number(version.number)).toBe(1);

		const view = await getApprobation(as(w.member), { groupId: w.groupId, approbationId });
		expect(view.tried).toMatchObject({ kind: 'material', id: materialId, versionNumber: 1 });
		expect(view.classes.map((c) => [c.name, c.grade, c.pupils])).toEqual([
			['5-Б', 5, 25],
			['6-А', 6, 27]
		]);
		// 5-Б after: 5·5+10·4+8·3+2·2 = 93 / 25.
		expect(view.classes[0]!.afterIndicators).toEqual({
			average_mark: 3.72,
			knowledge_quality: 60,
			progress_rate: 92,
			sou: 58.4
		});
		expect(view.classes[0]!.indicators).toEqual([
			{ name: 'Окуу ылдамдыгы', unit: 'сөз/мүн', before: 62, after: 71 }
		]);
		expect(view.confirmed).toBe(false);
		expect(view.can).toMatchObject({ edit: false, observe: false, ask: false });
		const list = await listApprobations(as(w.admin), { groupId: w.groupId });
		expect(list.items).toMatchObject([
			{
				id: approbationId,
				classes: 2,
				observations: 0,
				confirmed: false,
				authorName: 'Айгүл Өмүрбекова'
			}
		]);
		expect(list.canRecord).toBe(false);
	});

	it('an idea from a proposal; mark counts are optional as a group of four', async () => {
		const { proposalId } = await createProposal(as(w.member), {
			groupId: w.groupId,
			kind: 'theme',
			title: 'Окуу марафону',
			body: 'Ар бир класс бир айда беш китеп окуйт.',
			files: [],
			maxGroupBytes: 1e9
		});
		const { approbationId } = await recordApprobation(
			as(w.member),
			record({
				materialId: undefined,
				proposalId,
				classes: [{ name: '3-А', grade: 3, pupils: 20 }]
			})
		);
		const view = await getApprobation(as(w.member), { groupId: w.groupId, approbationId });
		expect(view.tried).toMatchObject({ kind: 'proposal', title: 'Окуу марафону' });
		expect(view.classes[0]!.before).toBeNull();
		expect(view.can.edit).toBe(true);
		// Neither, or both: a wrong choice.
		const neither = await appError(
			recordApprobation(as(w.member), record({ materialId: undefined }))
		);
		expect(neither.field).toBe('tried');
		const both = await appError(recordApprobation(as(w.member), record({ proposalId })));
		expect(both.field).toBe('tried');
		const draft = await appError(
			recordApprobation(as(w.member), record({ materialId: asId<MaterialId>('no-such') }))
		);
		expect(draft.messageKey).toBe('approbation_error_tried');
	});

	it('refuses figures that cannot be, each with a clear message on its field', async () => {
		const error = await appError(
			recordApprobation(
				as(w.leader),
				record({
					startsOn: '2026-11-15',
					endsOn: '2026-10-01',
					classes: [
						{ ...fiveB, before: { fives: 30, fours: 0, threes: 0, twos: 0 } },
						{ ...sixA, after: { fives: 10, fours: 10, threes: 10, twos: 0 } },
						{ name: '13-А', grade: 13, pupils: 61 },
						{ name: '7-В', grade: 7, pupils: 20, before: { fives: 5 } }
					]
				})
			)
		);
		expect(issuesOf(error)).toEqual({
			endsOn: ['approbation_error_period', {}],
			'classes.0.before.fives': ['approbation_error_count_over_pupils', { pupils: 25 }],
			'classes.0.before': ['approbation_error_counts_sum', { sum: 30, pupils: 25 }],
			'classes.1.after': ['approbation_error_counts_sum', { sum: 30, pupils: 27 }],
			'classes.2.grade': ['error_number_max', { max: 12 }],
			'classes.2.pupils': ['error_number_max', { max: 60 }],
			'classes.3.before.fours': ['approbation_error_counts_all', {}],
			'classes.3.before.threes': ['approbation_error_counts_all', {}],
			'classes.3.before.twos': ['approbation_error_counts_all', {}]
		});
		const tooMany = await appError(
			recordApprobation(as(w.leader), record({ classes: Array(7).fill(sixA) }))
		);
		expect(issuesOf(tooMany).classes).toEqual(['error_too_many', { max: 6 }]);
		const noClass = await appError(recordApprobation(as(w.leader), record({ classes: [] })));
		expect(issuesOf(noClass).classes?.[0]).toBe('error_choose_at_least');
		expect(
			await t.db.selectFrom('approbations').select('id').where('groupId', '=', w.groupId).execute()
		).toHaveLength(0);
	});

	it('only current members record; another school does not see the group', async () => {
		for (const actor of [w.staff, w.admin])
			expect((await appError(recordApprobation(as(actor), record()))).code).toBe('forbidden');
		expect((await appError(recordApprobation(as(w.otherAdmin), record()))).code).toBe('not_found');
		expect(
			(await appError(listApprobations(as(w.otherTeacher), { groupId: w.groupId }))).code
		).toBe('not_found');
		// Staff who are not members do not see the group's approbations (the group's own work).
		expect((await appError(listApprobations(as(w.staff), { groupId: w.groupId }))).code).toBe(
			'forbidden'
		);
	});

	it('only its author edits it; a class keeps its id, a removed one leaves', async () => {
		const { approbationId } = await recordApprobation(as(w.leader), record());
		const ids = { groupId: w.groupId, approbationId };
		const before = await getApprobation(as(w.leader), ids);
		const changes = {
			...ids,
			...record(),
			title: 'Жаңы аталыш',
			classes: [{ ...fiveB, id: asId<ApprobationClassId>(before.classes[0]!.id), pupils: 26 }]
		};
		expect((await appError(updateApprobation(as(w.member), changes))).code).toBe('forbidden');
		expect((await appError(updateApprobation(as(w.admin), changes))).code).toBe('forbidden');
		await updateApprobation(as(w.leader), changes);
		const after = await getApprobation(as(w.leader), ids);
		expect(after.approbation.title).toBe('Жаңы аталыш');
		expect(after.classes.map((c) => [c.id, c.pupils])).toEqual([[before.classes[0]!.id, 26]]);
		// A class id of another approbation is refused.
		const other = await recordApprobation(as(w.member), record());
		const otherClass = (
			await getApprobation(as(w.member), { ...ids, approbationId: other.approbationId })
		).classes[0]!;
		expect(
			(
				await appError(
					updateApprobation(as(w.leader), {
						...changes,
						classes: [{ ...sixA, id: asId<ApprobationClassId>(otherClass.id) }]
					})
				)
			).code
		).toBe('not_found');
	});

	it('keeps evidence files for those who see the approbation', async () => {
		const { approbationId } = await recordApprobation(as(w.leader), record());
		const ids = { groupId: w.groupId, approbationId };
		const files = [receivedFile(root, 'тест.pdf', tinyPdf('approbation'))];
		expect(
			(await appError(attachApprobationFiles(as(w.member), { ...ids, files, maxGroupBytes: 1e9 })))
				.code
		).toBe('forbidden');
		await attachApprobationFiles(as(w.leader), { ...ids, files, maxGroupBytes: 1e9 });
		const quota = await appError(
			attachApprobationFiles(as(w.leader), {
				...ids,
				files: [receivedFile(root, 'b.pdf', tinyPdf('b'))],
				maxGroupBytes: 10
			})
		);
		expect((quota as ValidationError).issues[0]!.key).toBe('error_group_quota');
		const view = await getApprobation(as(w.member), ids);
		expect(view.files).toHaveLength(1);
		const file = await getApprobationFile(as(w.admin), { ...ids, fileId: asId(view.files[0]!.id) });
		expect(file).toMatchObject({ name: 'тест.pdf', mime: 'application/pdf', isViewable: true });
		expect(
			(await appError(getApprobationFile(as(w.staff), { ...ids, fileId: asId(view.files[0]!.id) })))
				.code
		).toBe('forbidden');
	});
});

describe('objective monitoring (§5.4)', () => {
	let approbationId: ApprobationId;
	const observe = (actor: Actor, over: Record<string, unknown> = {}) =>
		observeLesson(ctxOf(t.db, actor), {
			groupId: w.groupId,
			approbationId,
			observedOn: '2026-10-20',
			comments: 'Топтук иш жакшы уюштурулду.',
			conclusion: 'Натыйжалар чындыкка дал келет.',
			sheet,
			...over
		});
	beforeEach(async () => {
		({ approbationId } = await recordApprobation(as(w.leader), record()));
	});

	it('the author, and an author of the material, can never observe it', async () => {
		const own = await appError(observe(w.leader));
		expect([own.code, own.messageKey]).toEqual(['forbidden', 'approbation_error_observe_own']);
		const materialAuthor = await appError(observe(w.member));
		expect(materialAuthor.messageKey).toBe('approbation_error_observe_own');
		expect((await appError(observe(w.admin))).code).toBe('forbidden');
		expect((await appError(observe(w.otherAdmin))).code).toBe('not_found');
		const page = await getApprobation(as(w.leader), { groupId: w.groupId, approbationId });
		expect(page.can.observe).toBe(false);
	});

	it('one observation by another member confirms the results (the default of 1)', async () => {
		const view = await getApprobation(as(w.scientist), { groupId: w.groupId, approbationId });
		expect(view.can.observe).toBe(true);
		const classId = view.classes[1]!.id;
		const bad = await appError(
			observe(w.scientist, {
				classId: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
				observedOn: '2026-02-30'
			})
		);
		expect(issuesOf(bad).observedOn?.[0]).toBe('error_date');
		await observe(w.scientist, { classId });
		const after = await getApprobation(as(w.member), { groupId: w.groupId, approbationId });
		expect(after.confirmed).toBe(true);
		expect(after.observations).toMatchObject([
			{ observerName: 'Кубанычбек Эсенгулов', className: '6-А', observedOn: '2026-10-20' }
		]);
		expect((await materialResults(t.db, materialId)).confirmedApprobations).toBe(1);
	});

	it('with 2 required, one observation is still self-reported', async () => {
		const six = await appError(
			updateSettings(ctxOf(t.db, w.leader), { groupId: w.groupId, requiredObservations: 6 })
		);
		expect(issuesOf(six).requiredObservations).toEqual(['error_number_max', { max: 5 }]);
		expect(
			(
				await appError(
					updateSettings(ctxOf(t.db, w.member), { groupId: w.groupId, requiredObservations: 2 })
				)
			).code
		).toBe('forbidden');
		await updateSettings(ctxOf(t.db, w.leader), { groupId: w.groupId, requiredObservations: 2 });
		await observe(w.scientist);
		await observe(w.scientist, { observedOn: '2026-10-27' }); // the same observer counts once
		let view = await getApprobation(as(w.leader), { groupId: w.groupId, approbationId });
		expect([
			view.observations.length,
			view.observationCount,
			view.required,
			view.confirmed
		]).toEqual([2, 1, 2, false]);
		const otherMember = w.staff;
		const { join } = await import('../../test/groups');
		await join(t.db, w.leader, w.groupId, otherMember);
		await observe(otherMember);
		view = await getApprobation(as(w.leader), { groupId: w.groupId, approbationId });
		expect([view.observationCount, view.confirmed]).toEqual([2, true]);
		expect((await listApprobations(as(w.member), { groupId: w.groupId })).items[0]!.confirmed).toBe(
			true
		);
	});

	it('the leader asks a given member to observe; the member sees it until done', async () => {
		const ids = { groupId: w.groupId, approbationId };
		expect(
			(await appError(askToObserve(as(w.member), { ...ids, observerId: w.scientist.id }))).code
		).toBe('forbidden');
		// The author of the material, or of the approbation, cannot be asked.
		for (const observer of [w.member, w.leader, w.staff]) {
			const refused = await appError(
				askToObserve(as(w.leader), { ...ids, observerId: observer.id })
			);
			expect(refused.field).toBe('observerId');
		}
		const leaderView = await getApprobation(as(w.leader), ids);
		expect(leaderView.observerChoices.map((c) => c.id)).toEqual([w.scientist.id]);
		await askToObserve(as(w.leader), { ...ids, observerId: w.scientist.id });
		await askToObserve(as(w.leader), { ...ids, observerId: w.scientist.id }); // twice: no error
		let list = await listApprobations(as(w.scientist), { groupId: w.groupId });
		expect([list.items[0]!.askedToObserve, list.askedCount]).toEqual([true, 1]);
		expect((await getApprobation(as(w.scientist), ids)).askedMe).toBe(true);
		expect((await getApprobation(as(w.leader), ids)).requests.map((r) => r.observerName)).toEqual([
			'Кубанычбек Эсенгулов'
		]);
		await observe(w.scientist);
		list = await listApprobations(as(w.scientist), { groupId: w.groupId });
		expect(list.items[0]!.askedToObserve).toBe(false);
	});
});

describe('results', () => {
	it('gives each indicator before and after per class, confirmed or self-reported', async () => {
		const first = await recordApprobation(as(w.leader), record());
		await recordApprobation(
			as(w.scientist),
			record({
				classes: [
					{
						...sixA,
						name: '7-Б',
						indicators: [{ name: ' окуу ылдамдыгы', unit: 'сөз/мүн', before: 50, after: 55 }]
					}
				]
			})
		);
		await observeLesson(ctxOf(t.db, w.scientist), {
			groupId: w.groupId,
			approbationId: first.approbationId,
			observedOn: '2026-10-20',
			comments: '',
			conclusion: 'Ырасталды.',
			sheet
		});
		const results = await materialResults(t.db, materialId);
		expect([results.approbations, results.confirmedApprobations]).toEqual([2, 1]);
		expect(results.indicators.map((i) => [i.key, i.name, i.unit, i.points.length])).toEqual([
			['average_mark', '', '', 3],
			['knowledge_quality', '', '%', 3],
			['progress_rate', '', '%', 3],
			['sou', '', '%', 3],
			['custom', 'Окуу ылдамдыгы', 'сөз/мүн', 2]
		]);
		const quality = results.indicators[1]!.points;
		// 5-Б before: (3 + 9) / 25 = 48 %; after 60 %. 6-А: 8 / 27 = 29.6 %, after 10 / 27 = 37.0 %.
		expect(quality.map((p) => [p.classLabel, p.before, p.after, p.confirmed])).toEqual([
			['5-Б', 48, 60, true],
			['6-А', 29.6, 37, true],
			['7-Б', 29.6, 37, false]
		]);
		const overview = await getGroupResults(as(w.admin), { groupId: w.groupId });
		expect(overview.materials).toMatchObject([
			{ materialId, approbations: 2, confirmed: 1, classes: 3 }
		]);
		// Mean change of knowledge quality: (12 + 7.4 + 7.4) / 3 = 8.93 → 8.9.
		expect(overview.materials[0]!.changes.knowledge_quality).toBe(8.9);
		expect(overview.total).toBe(2);
	});
});

describe("the group's forms in an approbation (§5.3)", () => {
	it('a report form is filled with the record; a required answer is asked for', async () => {
		await adoptDefaultForm(ctxOf(t.db, w.leader), {
			groupId: w.groupId,
			purpose: 'approbation_report',
			locale: 'ky'
		});
		const missing = await appError(recordApprobation(as(w.leader), record({ report: {} })));
		expect(issuesOf(missing)).toMatchObject({
			answer_tried: ['error_required', {}],
			answer_reaction: ['error_required', {}]
		});
		const form = (await reportFormOf(t.db, w.groupId))!;
		expect(form.fields.some((f) => f.type === 'file')).toBe(false);
		const recommendation = form.fields.find((f) => f.key === 'recommendation');
		const options = recommendation && 'options' in recommendation ? recommendation.options : [];
		const { approbationId } = await recordApprobation(
			as(w.leader),
			record({
				report: { tried: 'Төрт сабакта.', reaction: 4, recommendation: options[0]! }
			})
		);
		const view = await getApprobation(as(w.member), { groupId: w.groupId, approbationId });
		expect(view.report?.answers).toContainEqual({ label: expect.any(String), value: '4 / 5' });
		expect(view.report?.answers).toContainEqual({
			label: expect.any(String),
			value: 'Төрт сабакта.'
		});
	});

	it('an observation files the sheet; a group without one gets the default in the same request', async () => {
		const { approbationId } = await recordApprobation(as(w.leader), record());
		const ids = { groupId: w.groupId, approbationId };
		const page = await getObservationForm(as(w.scientist), { ...ids, locale: 'ru' });
		expect(page.sheet.isDefault).toBe(true);
		const scores = Object.fromEntries(
			page.sheet.fields.filter((f) => f.type === 'scale').map((f) => [f.key, 5])
		);
		const base = {
			...ids,
			observedOn: '2026-10-20',
			comments: '',
			conclusion: 'Ок.',
			locale: 'ru' as const
		};
		const refused = await appError(
			observeLesson(ctxOf(t.db, w.scientist), { ...base, sheet: { ...scores, goals: 7 } })
		);
		expect(Object.keys(issuesOf(refused))).toContain('answer_goals');
		await observeLesson(ctxOf(t.db, w.scientist), {
			...base,
			sheet: { ...scores, lessonDate: '2026-10-20', conclusion: 'Жакшы сабак.' }
		});
		const adopted = await t.db
			.selectFrom('forms')
			.select(['purpose', 'createdBy'])
			.where('groupId', '=', w.groupId)
			.execute();
		expect(adopted).toEqual([{ purpose: 'observation_sheet', createdBy: w.scientist.id }]);
		expect(
			(await getObservationForm(as(w.scientist), { ...ids, locale: 'ru' })).sheet.isDefault
		).toBe(false);
		const view = await getApprobation(as(w.leader), ids);
		expect(view.observations[0]!.sheet?.answers).toContainEqual({
			label: expect.any(String),
			value: '5 / 5'
		});
		const own = await appError(getObservationForm(as(w.leader), { ...ids, locale: 'ky' }));
		expect(own.messageKey).toBe('approbation_error_observe_own');
	});
});
