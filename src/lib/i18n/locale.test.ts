import { describe, expect, it } from 'vitest';
import { collator, formatDate, formatDateTime, formatNumber, formatRelative } from './format';
import { negotiateLocale } from './locale';

describe('negotiateLocale: profile, then cookie, then Accept-Language, then Kyrgyz', () => {
	it.each([
		[{}, 'ky'],
		[{ acceptLanguage: 'ru-RU,ru;q=0.9,en;q=0.8' }, 'ru'],
		[{ acceptLanguage: 'de-DE, en;q=0.5, ru;q=0.7' }, 'ru'],
		[{ acceptLanguage: 'en-US;q=0.1, ky;q=0.2' }, 'ky'],
		[{ acceptLanguage: 'fr, de' }, 'ky'],
		[{ acceptLanguage: 'ru;q=0, en' }, 'en'],
		[{ acceptLanguage: 'garbage;;;q=abc,,' }, 'ky'],
		[{ cookie: 'en', acceptLanguage: 'ru' }, 'en'],
		[{ cookie: 'xx', acceptLanguage: 'ru' }, 'ru'],
		[{ profile: 'ru', cookie: 'en', acceptLanguage: 'ky' }, 'ru'],
		[{ profile: 'bogus', cookie: 'en' }, 'en']
	])('%j → %s', (input, expected) => {
		expect(negotiateLocale(input)).toBe(expected);
	});
});

describe('server-side formatting', () => {
	const date = new Date('2026-11-25T20:30:00Z'); // 26 Nov, 02:30 in Bishkek
	it('writes dates the way each language does, in Bishkek time', () => {
		expect(formatDate(date, 'ky', 'Asia/Bishkek')).toBe('2026-ж., 26-ноябрь');
		expect(formatDate(date, 'ru', 'Asia/Bishkek')).toBe('26 ноября 2026 г.');
		expect(formatDate(date, 'en', 'Asia/Bishkek')).toBe('November 26, 2026');
		expect(formatDateTime(date, 'ru', 'Asia/Bishkek')).toContain('02:30');
	});
	it('writes numbers and relative times', () => {
		// ICU separates thousands with a no-break space.
		expect(formatNumber(12345.5, 'ky').replace(/\s/g, ' ')).toBe('12 345,5');
		expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
		expect(formatRelative(new Date(date.getTime() - 2 * 3600e3), date, 'ky')).toBe('2 саат мурун');
		expect(formatRelative(new Date(date.getTime() - 2 * 3600e3), date, 'ru')).toBe('2 часа назад');
	});
	it('sorts in Kyrgyz alphabet order: Ң after Н, Ө after О, Ү after У', () => {
		const names = ['Үмүт', 'Ураан', 'Өмүр', 'Орозбек', 'Ңаа', 'Нурлан', 'Пакыр'];
		expect(names.sort(collator('ky').compare)).toEqual([
			'Нурлан',
			'Ңаа',
			'Орозбек',
			'Өмүр',
			'Пакыр',
			'Ураан',
			'Үмүт'
		]);
	});
});
