import { describe, expect, it } from 'vitest';
import { wordDiff } from './diff';

describe('wordDiff', () => {
	it('marks the words added and removed, and joins back to each text', () => {
		const before = 'Башталгыч класстарда окуу сабаттуулугу';
		const after = 'Башталгыч класстарда функционалдык окуу сабаттуулугу, 1–4-класстар';
		const parts = wordDiff(before, after);
		expect(
			parts
				.filter((p) => p.kind !== 'added')
				.map((p) => p.text)
				.join('')
		).toBe(before);
		expect(
			parts
				.filter((p) => p.kind !== 'removed')
				.map((p) => p.text)
				.join('')
		).toBe(after);
		expect(parts.find((p) => p.kind === 'added')?.text).toContain('функционалдык');
		expect(parts.some((p) => p.kind === 'removed')).toBe(true);
	});

	it('gives one unchanged part for equal texts and handles empty ones', () => {
		expect(wordDiff('а б', 'а б')).toEqual([{ kind: 'same', text: 'а б' }]);
		expect(wordDiff('', 'жаңы')).toEqual([{ kind: 'added', text: 'жаңы' }]);
		expect(wordDiff('эски', '')).toEqual([{ kind: 'removed', text: 'эски' }]);
	});
});
