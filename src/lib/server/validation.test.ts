import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { email, list, text, validate, ValidationError, wholeNumber } from './validation';

function issues(schema: z.ZodType, input: unknown) {
	try {
		validate(schema, input);
	} catch (error) {
		if (error instanceof ValidationError) return error.issues;
		throw error;
	}
	throw new Error('expected a ValidationError');
}

describe('validate → message keys', () => {
	const schema = z.object({
		name: text(10, 2),
		email,
		years: wholeNumber(0, 60).optional(),
		tags: list(z.enum(['a', 'b']), 2),
		kind: z.enum(['x', 'y'])
	});

	it('maps each zod problem to a translatable key with its parameters', () => {
		const result = issues(schema, {
			name: 'x',
			email: 'nope',
			years: 99,
			tags: ['a', 'b', 'a'],
			kind: 'z'
		});
		expect(Object.fromEntries(result.map((i) => [i.field, [i.key, i.params]]))).toEqual({
			name: ['error_too_short', { min: 2 }],
			email: ['error_email', undefined],
			years: ['error_number_max', { max: 60 }],
			tags: ['error_too_many', { max: 2 }],
			kind: ['error_choice', undefined]
		});
	});

	it('calls missing and blank fields required', () => {
		const result = issues(schema, { name: '   ', kind: 'x' });
		expect(result.find((i) => i.field === 'name')?.key).toBe('error_required');
		expect(result.find((i) => i.field === 'email')?.key).toBe('error_required');
	});

	it('accepts and normalizes good input', () => {
		expect(validate(schema, { name: ' Ай ', email: ' A@B.KG ', tags: ['a'], kind: 'x' })).toEqual({
			name: 'Ай',
			email: 'a@b.kg',
			tags: ['a'],
			kind: 'x'
		});
		expect(validate(schema, { name: 'Ай', email: 'a@b.kg', kind: 'y' }).tags).toEqual([]);
	});
});
