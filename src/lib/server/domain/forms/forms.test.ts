import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { groupBytes } from '../materials/attach-files';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { ValidationError } from '../../validation';
import {
	asId,
	type FormId,
	type FormVersionId,
	type GroupId,
	type QuestionnaireId,
	type ResponseFileId
} from '../ids';
import { addField } from './add-field';
import { answerQuestionnaire } from './answer-questionnaire';
import { archiveForm } from './archive-form';
import { closeQuestionnaire, setResultsShared } from './close-questionnaire';
import { createForm } from './create-form';
import { getForm } from './get-form';
import { getQuestionnaire } from './get-questionnaire';
import { groupFormFor, readResponse } from './group-forms';
import type { AddFieldInput } from './input';
import { listForms } from './list-forms';
import { moveField } from './move-field';
import { asksForPupilName } from './pupil-names';
import { removeField } from './remove-field';
import { reorderFields } from './reorder-fields';
import { sendQuestionnaire } from './send-questionnaire';
import { mean, median, numberBars, summarize } from './summary';
import { updateField } from './update-field';
import { getResponseFile } from './get-response-file';
import { exportResponses } from './export-responses';
import { ctxWithStore, receivedFile, tempStore, tinyPdf } from '../../test/materials';

const t = useTestDatabase();
let w: GroupWorld;
const as = (actor: Actor) => ctxOf(t.db, actor);
const today = '2026-12-01';
let formId: FormId;
let ref: { groupId: GroupId; formId: FormId; versionId: FormVersionId; revision: number };

beforeEach(async () => {
	w = await makeGroupWorld(t.db);
	const created = await createForm(as(w.leader), {
		groupId: w.groupId,
		purpose: 'questionnaire',
		title: 'Муктаждыктар',
		description: ''
	});
	formId = created.formId;
	ref = { groupId: w.groupId, formId, versionId: created.versionId, revision: 1 };
});

const field = (over: Partial<AddFieldInput>) =>
	({ ...ref, type: 'short_text', label: 'Сабактын темасы', ...over }) as AddFieldInput;

/** Adds a field and moves `ref` on to the version and revision it made. */
async function add(over: Partial<AddFieldInput>) {
	const changed = await addField(as(w.leader), field(over));
	ref = { ...ref, versionId: changed.versionId, revision: changed.revision };
	return changed;
}

async function questionnaireForm() {
	const topic = await add({ label: 'Тема', required: true });
	const hours = await add({ type: 'number', label: 'Саат', min: 0, max: 10, decimals: 0 });
	const mood = await add({ type: 'scale', label: 'Даярдык', scaleMax: 5, required: true });
	return { topic: topic.key, hours: hours.key, mood: mood.key };
}

async function send(over: { deadlineOn?: string } = {}) {
	const { questionnaireId } = await sendQuestionnaire(as(w.leader), {
		groupId: w.groupId,
		formId,
		title: 'Күзгү анкета',
		message: 'Жооп бериңиз',
		today,
		...over
	});
	return questionnaireId;
}

const answer = (
	actor: Actor,
	questionnaireId: QuestionnaireId,
	values: Record<string, string | string[]>,
	send: boolean,
	version = ref
) =>
	answerQuestionnaire(as(actor), {
		groupId: w.groupId,
		questionnaireId,
		versionId: version.versionId,
		revision: version.revision,
		values,
		send,
		today
	});

describe('the builder', () => {
	it('only the leader and the administration build; a member 403, another school 404', async () => {
		expect((await appError(addField(as(w.member), field({})))).code).toBe('forbidden');
		expect((await appError(addField(as(w.otherAdmin), field({})))).code).toBe('not_found');
		await addField(as(w.admin), field({}));
		const view = await getForm(as(w.leader), { groupId: w.groupId, formId });
		expect(view.fields.map((f) => f.label)).toEqual(['Сабактын темасы']);
		expect(view.version).toMatchObject({ number: 1, revision: 2 });
	});

	it('edits in place raise the revision; a stale page is refused with 409', async () => {
		const first = await add({ label: 'Биринчи' });
		expect(first).toMatchObject({ number: 1, revision: 2, isNewVersion: false });
		const stale = await appError(addField(as(w.leader), field({ revision: 1, label: 'Эскиден' })));
		expect(stale.code).toBe('conflict');
		expect(stale.messageKey).toBe('forms_error_form_changed');
	});

	it('orders fields by buttons and by a whole order; a stale order is refused', async () => {
		const a = await add({ label: 'А' });
		const b = await add({ label: 'Б' });
		const c = await add({ label: 'В' });
		const moved = await moveField(as(w.leader), { ...ref, key: c.key, direction: 'up' });
		ref.revision = moved.revision;
		let view = await getForm(as(w.leader), { groupId: w.groupId, formId });
		expect(view.fields.map((f) => f.label)).toEqual(['А', 'В', 'Б']);
		const reordered = await reorderFields(as(w.leader), { ...ref, order: [b.key, a.key, c.key] });
		view = await getForm(as(w.leader), { groupId: w.groupId, formId });
		expect(view.fields.map((f) => f.label)).toEqual(['Б', 'А', 'В']);
		const missing = await appError(
			reorderFields(as(w.leader), { ...ref, revision: reordered.revision, order: [a.key, b.key] })
		);
		expect(missing.code).toBe('conflict');
		const removed = await removeField(as(w.leader), {
			...ref,
			revision: reordered.revision,
			key: a.key
		});
		expect(removed.revision).toBe(reordered.revision + 1);
	});

	it('refuses bad fields with messages on them', async () => {
		const error = await appError(
			addField(as(w.leader), field({ type: 'single_choice', label: 'Тандоо', options: 'Бир' }))
		);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).issues[0]).toMatchObject({
			field: 'options',
			key: 'forms_error_options_few'
		});
		const bounds = (await appError(
			addField(as(w.leader), field({ type: 'number', min: 5, max: 1 }))
		)) as ValidationError;
		expect(bounds.issues[0]).toMatchObject({ field: 'max', key: 'forms_error_min_max' });
	});

	it('editing a version that has a response makes the next version; the old response keeps its fields', async () => {
		const keys = await questionnaireForm();
		const questionnaireId = await send();
		const { responseId } = await answer(
			w.member,
			questionnaireId,
			{ [`answer_${keys.topic}`]: 'Баалоо' },
			false
		);
		const changed = await updateField(as(w.leader), {
			...ref,
			key: keys.topic,
			type: 'short_text',
			label: 'Теманын аталышы',
			required: true
		});
		expect(changed).toMatchObject({ number: 2, revision: 1, isNewVersion: true });
		const old = await readResponse(t.db, responseId);
		expect(old.versionNumber).toBe(1);
		expect(old.fields.find((f) => f.key === keys.topic)!.label).toBe('Тема');
		const current = await groupFormFor(t.db, w.groupId, 'questionnaire');
		expect(current!.number).toBe(2);
		expect(current!.fields.find((f) => f.key === keys.topic)!.label).toBe('Теманын аталышы');
		// The questionnaire keeps the version it sent: the member finishes what they began.
		await answer(
			w.member,
			questionnaireId,
			{ [`answer_${keys.topic}`]: 'Баалоо', [`answer_${keys.mood}`]: '4' },
			true,
			{ ...ref, versionId: old.formVersionId, revision: old.revision }
		);
	});

	it('warns about fields that ask for a pupil name; archives forms', async () => {
		expect(asksForPupilName('Окуучунун аты-жөнү')).toBe(true);
		expect(asksForPupilName('ФИО ученика')).toBe(true);
		expect(asksForPupilName("Student's name")).toBe(true);
		expect(asksForPupilName('Сабактын темасы')).toBe(false);
		await add({ label: 'Окуучунун аты' });
		const view = await getForm(as(w.leader), { groupId: w.groupId, formId });
		expect(view.warnings).toHaveLength(1);
		await archiveForm(as(w.leader), { groupId: w.groupId, formId });
		expect(await groupFormFor(t.db, w.groupId, 'questionnaire')).toBeNull();
		expect((await appError(addField(as(w.leader), field({})))).messageKey).toBe(
			'forms_error_archived'
		);
	});
});

describe('questionnaires', () => {
	it('refuses a deadline in the past and an empty form', async () => {
		expect((await appError(send())).messageKey).toBe('forms_error_form_empty');
		await questionnaireForm();
		const past = (await appError(send({ deadlineOn: '2026-11-30' }))) as ValidationError;
		expect(past.issues[0]).toMatchObject({ field: 'deadlineOn', key: 'forms_error_deadline_past' });
		await send({ deadlineOn: today });
	});

	it('a draft may lack required answers; sending checks them; bounds are enforced', async () => {
		const keys = await questionnaireForm();
		const q = await send();
		const draft = await answer(w.member, q, { [`answer_${keys.hours}`]: '3' }, false);
		expect(draft.status).toBe('draft');
		const missing = (await appError(
			answer(w.member, q, { [`answer_${keys.hours}`]: '3' }, true)
		)) as ValidationError;
		expect(missing.issues.map((i) => [i.field, i.key])).toEqual([
			[`answer_${keys.topic}`, 'error_required'],
			[`answer_${keys.mood}`, 'error_required']
		]);
		const bounds = (await appError(
			answer(
				w.member,
				q,
				{
					[`answer_${keys.topic}`]: 'x',
					[`answer_${keys.hours}`]: '11',
					[`answer_${keys.mood}`]: '7'
				},
				true
			)
		)) as ValidationError;
		expect(bounds.issues.map((i) => i.key)).toEqual(['error_number_max', 'forms_error_scale']);
		const sent = await answer(
			w.member,
			q,
			{
				[`answer_${keys.topic}`]: 'Өзүн-өзү баалоо',
				[`answer_${keys.hours}`]: '2',
				[`answer_${keys.mood}`]: '5'
			},
			true
		);
		expect(sent).toMatchObject({ status: 'submitted', responseId: draft.responseId });
		const list = await listForms(as(w.member), { groupId: w.groupId, today });
		expect(list.questionnaires[0]).toMatchObject({ mine: 'submitted', isYoursToFill: false });
		expect(list.forms).toEqual([]);
	});

	it('a form changed under a half-filled page is a 409', async () => {
		const keys = await questionnaireForm();
		const q = await send();
		const filledFrom = { ...ref };
		// Nobody answered yet: the leader's edit is made in place on the sent version.
		await add({ label: 'Жаңы суроо' });
		const error = await appError(
			answer(w.member, q, { [`answer_${keys.topic}`]: 'Тема' }, false, filledFrom)
		);
		expect(error.code).toBe('conflict');
		expect(error.messageKey).toBe('forms_error_form_changed');
	});

	it('after the deadline or closing, no more answers', async () => {
		const keys = await questionnaireForm();
		const q = await send({ deadlineOn: today });
		const values = { [`answer_${keys.topic}`]: 'Т', [`answer_${keys.mood}`]: '3' };
		const late = await appError(
			answerQuestionnaire(as(w.member), {
				groupId: w.groupId,
				questionnaireId: q,
				versionId: ref.versionId,
				revision: ref.revision,
				values,
				send: true,
				today: '2026-12-02'
			})
		);
		expect(late.messageKey).toBe('forms_error_questionnaire_closed');
		const open = await send();
		await closeQuestionnaire(as(w.leader), { groupId: w.groupId, questionnaireId: open });
		expect((await appError(answer(w.member, open, values, true))).messageKey).toBe(
			'forms_error_questionnaire_closed'
		);
	});

	it('who reads what: the leader everything; members only the shared summary; others nothing', async () => {
		const keys = await questionnaireForm();
		const q = await send();
		await answer(
			w.member,
			q,
			{ [`answer_${keys.topic}`]: 'А', [`answer_${keys.mood}`]: '4' },
			true
		);
		await answer(w.scientist, q, { [`answer_${keys.topic}`]: 'Б' }, false);
		const input = { groupId: w.groupId, questionnaireId: q, today };
		const leader = await getQuestionnaire(as(w.leader), input);
		expect(leader.roster!.map((r) => [r.fullName, r.status])).toEqual(
			expect.arrayContaining([
				['Нурлан Үсөнов', 'submitted'],
				['Кубанычбек Эсенгулов', 'draft'],
				['Айгүл Өмүрбекова', 'none']
			])
		);
		expect(leader.responses).toHaveLength(1);
		const admin = await getQuestionnaire(as(w.admin), input);
		expect(admin.responses).toHaveLength(1);
		const scientist = await getQuestionnaire(as(w.scientist), input);
		expect(scientist.responses).toBeNull();
		expect(scientist.summary).toBeNull();
		expect(scientist.mine!.answers[keys.topic]).toBe('Б');
		await setResultsShared(as(w.leader), { ...input, shared: true });
		const shared = await getQuestionnaire(as(w.scientist), input);
		expect(shared.responses).toBeNull();
		expect(shared.roster).toBeNull();
		expect(shared.summary!.find((x) => x.key === keys.mood)).toMatchObject({
			answered: 1,
			mean: 4
		});
		// The summary is kept between views, and a new answer is in the next one.
		await answer(
			w.leader,
			q,
			{ [`answer_${keys.topic}`]: 'В', [`answer_${keys.mood}`]: '2' },
			true
		);
		const again = await getQuestionnaire(as(w.scientist), input);
		expect(again.summary!.find((x) => x.key === keys.mood)).toMatchObject({
			answered: 2,
			mean: 3,
			median: 3
		});
		expect((await appError(getQuestionnaire(as(w.staff), input))).code).toBe('forbidden');
		expect((await appError(getQuestionnaire(as(w.otherAdmin), input))).code).toBe('not_found');
		expect((await appError(setResultsShared(as(w.member), { ...input, shared: false }))).code).toBe(
			'forbidden'
		);
		expect((await appError(answer(w.admin, q, {}, false))).code).toBe('forbidden');
	});
});

describe('exports', () => {
	it('the leader and the admin export; a member is refused; a too large export is refused before the work', async () => {
		const keys = await questionnaireForm();
		const q = await send();
		const values = { [`answer_${keys.topic}`]: '=1+1', [`answer_${keys.mood}`]: '5' };
		await answer(w.member, q, values, true);
		await answer(w.scientist, q, values, true);
		const input = { groupId: w.groupId, questionnaireId: q };
		const data = await exportResponses(as(w.admin), input);
		expect(data.responses).toHaveLength(2);
		expect(data.fields).toHaveLength(3);
		expect((await appError(exportResponses(as(w.member), input))).code).toBe('forbidden');
		expect((await appError(exportResponses(as(w.otherAdmin), input))).code).toBe('not_found');
		// 2 responses × (3 questions + 2 columns) = 10 cells.
		await exportResponses(as(w.leader), input, 10);
		const big = await appError(exportResponses(as(w.leader), input, 9));
		expect(big).toMatchObject({ code: 'invalid', messageKey: 'forms_error_export_too_large' });
		expect(big.params).toEqual({ max: 9 });
	});
});

describe('file answers', () => {
	it('files are stored with the answer, limited per question, and open to their respondent and the leader', async () => {
		const file = await add({ type: 'file', label: 'Сабактын планы', required: true });
		const q = await send();
		const { store, root } = tempStore();
		const upload = (n: number) =>
			Array.from({ length: n }, (_, i) => ({
				...receivedFile(root, `план-${i}.pdf`, tinyPdf(`file ${i}`)),
				field: `answer_${file.key}`
			}));
		const answerWith = (files: ReturnType<typeof upload>, send = true, maxGroupBytes = 1e9) =>
			answerQuestionnaire(ctxWithStore(t.db, w.member, store), {
				groupId: w.groupId,
				questionnaireId: q,
				versionId: ref.versionId,
				revision: ref.revision,
				values: {},
				send,
				today,
				files,
				maxGroupBytes
			});
		const missing = (await appError(answerWith([]))) as ValidationError;
		expect(missing.issues[0]).toMatchObject({
			field: `answer_${file.key}`,
			key: 'error_file_required'
		});
		const tooMany = (await appError(answerWith(upload(6)))) as ValidationError;
		expect(tooMany.issues[0]).toMatchObject({ key: 'error_too_many_files' });
		// The group's space counts answer files with all its others: one byte short is refused.
		const two = upload(2);
		const size = two.reduce((sum, f) => sum + f.size, 0);
		const full = (await appError(answerWith(two, true, size - 1))) as ValidationError;
		expect(full.issues[0]).toMatchObject({ field: `answer_${file.key}`, key: 'error_group_quota' });
		const { responseId } = await answerWith(upload(2), true, size);
		expect(await groupBytes(t.db, w.groupId)).toBe(size);
		const read = await readResponse(t.db, responseId);
		const ids = read.answers[file.key] as string[];
		expect(ids).toHaveLength(2);
		await answerWith(upload(1));
		expect((await readResponse(t.db, responseId)).answers[file.key]).toHaveLength(3);
		const input = { groupId: w.groupId, questionnaireId: q, fileId: asId<ResponseFileId>(ids[0]!) };
		expect((await getResponseFile(as(w.member), input)).name).toBe('план-0.pdf');
		expect((await getResponseFile(as(w.leader), input)).mime).toBe('application/pdf');
		expect((await appError(getResponseFile(as(w.scientist), input))).code).toBe('forbidden');
		expect((await appError(getResponseFile(as(w.otherAdmin), input))).code).toBe('not_found');
	});
});

describe('the summary', () => {
	it('mean, median and distribution on hand-computed figures', () => {
		expect(mean([1, 2, 3, 4])).toBe(2.5);
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
		const summary = summarize(
			[
				{
					key: 's',
					type: 'scale',
					label: 'Шкала',
					help: '',
					required: false,
					scaleMax: 5,
					minLabel: '',
					maxLabel: ''
				},
				{
					key: 'c',
					type: 'multiple_choice',
					label: 'Тандоо',
					help: '',
					required: false,
					options: ['ң', 'ө', 'ү']
				},
				{
					key: 'n',
					type: 'number',
					label: 'Сан',
					help: '',
					required: false,
					unit: 'мүн',
					min: null,
					max: null,
					decimals: 1
				}
			],
			[
				{ s: 5, c: ['ң', 'ү'], n: 10 },
				{ s: 4, c: ['ү'], n: 12.5 },
				{ s: 4, c: null, n: 20 },
				{ s: 1, c: ['ө', 'ү'] },
				{ s: null }
			]
		);
		expect(summary[0]).toMatchObject({ answered: 4, mean: 3.5, median: 4, min: 1, max: 5 });
		expect(summary[0]!.bars.map((b) => b.count)).toEqual([1, 0, 0, 2, 1]);
		expect(summary[1]!.answered).toBe(3);
		expect(summary[1]!.bars).toEqual([
			{ label: 'ң', count: 1 },
			{ label: 'ө', count: 1 },
			{ label: 'ү', count: 3 }
		]);
		expect(summary[2]).toMatchObject({ answered: 3, median: 12.5 });
		expect(summary[2]!.mean).toBeCloseTo(14.1667, 3);
		const bars = numberBars([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
		expect(bars.map((b) => b.count)).toEqual([2, 2, 2, 2, 3]);
		expect(bars[0]!.label).toBe('0 – 2');
	});
});
