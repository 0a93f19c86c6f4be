import { describe, expect, it } from 'vitest';
import { documentDate } from './document-date';

const plain = (text: string) => text.replaceAll('\u00a0', ' ');

describe('a date as a document writes it', () => {
	it('gives Kyrgyz the genitive year and the possessive month, all twelve', () => {
		const months = Array.from({ length: 12 }, (_, i) =>
			plain(documentDate(`2026-${String(i + 1).padStart(2, '0')}-05`, 'ky'))
		);
		expect(months).toEqual([
			'2026-жылдын 5-январы',
			'2026-жылдын 5-февралы',
			'2026-жылдын 5-марты',
			'2026-жылдын 5-апрели',
			'2026-жылдын 5-майы',
			'2026-жылдын 5-июну',
			'2026-жылдын 5-июлу',
			'2026-жылдын 5-августу',
			'2026-жылдын 5-сентябры',
			'2026-жылдын 5-октябры',
			'2026-жылдын 5-ноябры',
			'2026-жылдын 5-декабры'
		]);
	});

	it('gives Russian the genitive month and «г.», English the day first', () => {
		expect(plain(documentDate('2026-09-23', 'ru'))).toBe('23 сентября 2026 г.');
		expect(plain(documentDate('2027-03-01', 'ru'))).toBe('1 марта 2027 г.');
		expect(plain(documentDate('2026-09-23', 'en'))).toBe('23 September 2026');
	});

	it('keeps the date on one line: no ordinary space inside it, no leading zero', () => {
		for (const locale of ['ky', 'ru', 'en'] as const) {
			const date = documentDate('2026-09-03', locale);
			expect(date).not.toMatch(/ {2}|^0|[^\d]0\d/);
		}
		expect(documentDate('2026-09-03', 'ky')).toBe('2026-жылдын\u00a03-сентябры');
		expect(documentDate('2026-09-03', 'ru')).toBe('3\u00a0сентября 2026\u00a0г.');
	});

	it('refuses what is not a calendar day', () => {
		for (const day of ['2026-13-01', '2026-00-10', '2026-09-32', '23.09.2026', ''])
			expect(() => documentDate(day, 'ky')).toThrow(/calendar day/);
	});
});
