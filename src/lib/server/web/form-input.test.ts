import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flag, list, longText, optionalText, text, wholeNumber } from '../validation';
import { formInput } from './form-input';

const schema = z.object({
	title: text(100),
	subtitle: optionalText(100),
	notes: longText(100),
	isSecret: flag,
	isPublic: z.boolean(),
	quorum: wholeNumber(1, 100).optional(),
	grades: list(wholeNumber(1, 12), 12),
	tags: list(z.string(), 5),
	closesAt: z.date().optional(),
	kind: z.enum(['a', 'b']).optional()
});

describe('form input', () => {
	it('decodes checkboxes, numbers, lists and wall-clock dates as the schema says', () => {
		const input = formInput(
			schema,
			{
				title: 'Аталыш',
				subtitle: '',
				isSecret: 'on',
				quorum: ' 60 ',
				grades: ['3', '4'],
				tags: 'ң',
				closesAt: '2026-12-01T18:00',
				kind: '',
				unknown: 'dropped'
			},
			{},
			'Asia/Bishkek'
		);
		expect(input).toEqual({
			title: 'Аталыш',
			isSecret: true,
			isPublic: false,
			quorum: 60,
			grades: [3, 4],
			tags: ['ң'],
			closesAt: new Date('2026-12-01T12:00:00Z')
		});
		expect(schema.parse(input).notes).toBe('');
	});

	it('passes on what it cannot decode, so the schema names the problem', () => {
		const input = formInput(schema, { title: 'x', quorum: 'many', closesAt: 'soon' }, {}, 'UTC');
		const issues = schema.safeParse(input).error?.issues.map((i) => i.path[0]);
		expect(issues).toEqual(['quorum', 'closesAt']);
	});

	it('takes ids from the route over the form, and refuses a date without a time zone', () => {
		const withId = z.object({ groupId: z.string(), title: text(10) });
		expect(formInput(withId, { groupId: 'forged', title: 'a' }, { groupId: 'g1' })).toEqual({
			groupId: 'g1',
			title: 'a'
		});
		expect(() => formInput(schema, { closesAt: '2026-12-01T18:00' })).toThrow(/time zone/);
	});
});
