import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { ValidationError } from '../../validation';
import { answerFieldName, answersFromForm, checkAnswers } from './answers';
import { defaultForm } from './defaults';
import { formFields, parseFields, type FormField } from './fields';
import { formPurposes } from '../../db/types';
import {
	adoptDefaultForm,
	groupFormFor,
	readResponse,
	versionIsCurrent,
	writeResponse
} from './group-forms';

const fields: FormField[] = [
	{ key: 'name', type: 'short_text', label: 'Тема', help: '', required: true },
	{
		key: 'hours',
		type: 'number',
		label: 'Саат',
		help: '',
		required: false,
		unit: 'саат',
		min: 0,
		max: 40,
		decimals: 1
	},
	{
		key: 'mood',
		type: 'scale',
		label: 'Маанай',
		help: '',
		required: true,
		scaleMax: 5,
		minLabel: 'начар',
		maxLabel: 'мыкты'
	},
	{
		key: 'pick',
		type: 'single_choice',
		label: 'Тандоо',
		help: '',
		required: false,
		options: ['Ооба', 'Жок']
	},
	{
		key: 'many',
		type: 'multiple_choice',
		label: 'Көп',
		help: '',
		required: false,
		options: ['А', 'Б', 'В']
	},
	{ key: 'day', type: 'date', label: 'Күнү', help: '', required: false }
];

const issues = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		if (error instanceof ValidationError)
			return Object.fromEntries(error.issues.map((i) => [i.field, [i.key, i.params]]));
		throw error;
	}
	return {};
};

describe('answers', () => {
	it('decodes posted values and normalizes them', () => {
		const answers = answersFromForm(fields, {
			[answerFieldName('name')]: '  Өңүт  ',
			answer_hours: '4,5',
			answer_mood: '4',
			answer_pick: 'Жок',
			answer_many: ['В', 'А'],
			answer_day: '2026-12-01'
		});
		expect(checkAnswers(fields, answers, { complete: true })).toEqual({
			name: 'Өңүт',
			hours: 4.5,
			mood: 4,
			pick: 'Жок',
			many: ['А', 'В'],
			day: '2026-12-01'
		});
	});

	it('enforces required fields only when sending', () => {
		const answers = answersFromForm(fields, { answer_hours: '3' });
		expect(checkAnswers(fields, answers, { complete: false }).hours).toBe(3);
		expect(issues(() => checkAnswers(fields, answers, { complete: true }))).toEqual({
			answer_name: ['error_required', undefined],
			answer_mood: ['error_required', undefined]
		});
	});

	it('refuses numbers out of bounds, scale points outside, choices not offered, bad dates', () => {
		const bad = answersFromForm(fields, {
			answer_name: 'x',
			answer_hours: '41',
			answer_mood: '6',
			answer_pick: 'Балким',
			answer_many: ['Г'],
			answer_day: '2026-02-30'
		});
		expect(issues(() => checkAnswers(fields, bad, { complete: true }))).toEqual({
			answer_hours: ['error_number_max', { max: 40 }],
			answer_mood: ['forms_error_scale', { max: 5 }],
			answer_pick: ['error_choice', undefined],
			answer_many: ['error_choice', undefined],
			answer_day: ['error_date', undefined]
		});
		const more = answersFromForm(fields, { answer_hours: '1,25', answer_mood: '2.5' });
		expect(issues(() => checkAnswers(fields, more, { complete: false }))).toEqual({
			answer_hours: ['forms_error_decimals', { decimals: 1 }],
			answer_mood: ['forms_error_scale', { max: 5 }]
		});
		const typed = answersFromForm(fields, { answer_hours: 'он', answer_mood: '0' });
		expect(typed.hours).toBe('он');
		expect(issues(() => checkAnswers(fields, typed, { complete: false }))).toEqual({
			answer_hours: ['error_number', undefined],
			answer_mood: ['forms_error_scale', { max: 5 }]
		});
		expect(
			issues(() =>
				checkAnswers(fields, answersFromForm(fields, { answer_hours: '-1' }), { complete: false })
			)
		).toEqual({ answer_hours: ['error_number_min', { min: 0 }] });
	});

	it('the field model refuses repeated keys, too few options and min above max', () => {
		expect(formFields.safeParse([fields[0], fields[0]]).success).toBe(false);
		expect(formFields.safeParse([{ ...fields[3], options: ['Бир'] }]).success, 'one option').toBe(
			false
		);
		expect(formFields.safeParse([{ ...fields[1], min: 5, max: 1 }]).success).toBe(false);
		expect(parseFields(JSON.stringify(fields))).toEqual(fields);
	});

	it('the defaults are valid forms in every language', () => {
		for (const purpose of formPurposes)
			for (const locale of ['ky', 'ru', 'en'] as const) {
				const form = defaultForm(purpose, locale);
				expect(formFields.safeParse(form.fields).success).toBe(true);
				expect(form.title.length).toBeGreaterThan(3);
			}
		const sheet = defaultForm('observation_sheet', 'ky').fields;
		expect(sheet.filter((f) => f.type === 'scale')).toHaveLength(8);
	});
});

const t = useTestDatabase();
let w: GroupWorld;
const as = (actor: Actor) => ctxOf(t.db, actor);
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});

describe('group forms', () => {
	it('the leader adopts a default; responses are written and read back with their fields', async () => {
		expect(await groupFormFor(t.db, w.groupId, 'observation_sheet')).toBeNull();
		const input = {
			groupId: w.groupId,
			purpose: 'observation_sheet' as const,
			locale: 'ru' as const
		};
		expect((await appError(adoptDefaultForm(as(w.member), input))).code).toBe('forbidden');
		expect((await appError(adoptDefaultForm(as(w.otherAdmin), input))).code).toBe('not_found');
		const { formId, versionId } = await adoptDefaultForm(as(w.leader), input);
		const form = await groupFormFor(t.db, w.groupId, 'observation_sheet');
		expect(form).toMatchObject({ formId, versionId, number: 1, revision: 1 });
		expect(form!.title).toBe('Лист наблюдения урока');
		expect(await versionIsCurrent(t.db, versionId, 1)).toBe(true);
		expect(await versionIsCurrent(t.db, versionId, 2)).toBe(false);
		const now = new Date('2026-12-01T10:00:00Z');
		const id = await writeResponse(t.db, {
			formVersionId: versionId,
			respondentId: w.member.id,
			answers: { comments: 'Жакшы' },
			status: 'draft',
			now
		});
		await writeResponse(t.db, {
			formVersionId: versionId,
			respondentId: w.member.id,
			answers: { comments: 'Өтө жакшы' },
			status: 'submitted',
			now,
			responseId: id
		});
		const read = await readResponse(t.db, id);
		expect(read).toMatchObject({ id, formVersionId: versionId, status: 'submitted' });
		expect(read.answers).toEqual({ comments: 'Өтө жакшы' });
		expect(read.fields).toEqual(form!.fields);
		expect((await appError(readResponse(t.db, 'nope'))).code).toBe('not_found');
	});
});
