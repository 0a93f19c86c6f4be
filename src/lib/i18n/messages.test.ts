import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from './locale';

// The catalog is the contract of "three languages, always": these tests fail on any gap.
const root = path.resolve(import.meta.dirname, '../../..');
type Message =
	string | { declarations: string[]; selectors: string[]; match: Record<string, string> }[];
const catalogs = Object.fromEntries(
	locales.map((l) => [
		l,
		JSON.parse(fs.readFileSync(path.join(root, 'messages', `${l}.json`), 'utf8'))
	])
) as Record<string, Record<string, Message>>;
const keysOf = (l: string) => Object.keys(catalogs[l]!).filter((k) => k !== '$schema');
const allKeys = [...new Set(locales.flatMap(keysOf))].sort();

/** The {variables} a message uses, across all its variants. */
function variables(message: Message): string[] {
	const texts =
		typeof message === 'string' ? [message] : message.flatMap((m) => Object.values(m.match));
	return [...new Set(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
}

function texts(message: Message): string[] {
	return typeof message === 'string' ? [message] : message.flatMap((m) => Object.values(m.match));
}

describe('message catalogs', () => {
	it('have keys', () => {
		expect(allKeys.length).toBeGreaterThan(100);
	});

	for (const locale of locales) {
		it(`${locale}: every key present, non-empty, with the same variables as Kyrgyz`, () => {
			const catalog = catalogs[locale]!;
			const missing = allKeys.filter((k) => catalog[k] === undefined);
			const empty = allKeys.filter(
				(k) => catalog[k] !== undefined && texts(catalog[k]!).some((t) => t.trim() === '')
			);
			expect(missing, `missing in ${locale}.json`).toEqual([]);
			expect(empty, `empty in ${locale}.json`).toEqual([]);
			for (const key of allKeys) {
				expect(variables(catalog[key]!), `${locale}.${key}`).toEqual(variables(catalogs.ky![key]!));
			}
		});
	}

	it('give Russian plurals all of one/few/many/other and Kyrgyz/English one/other', () => {
		const expected: Record<string, string[]> = {
			ky: ['one', 'other'],
			en: ['one', 'other'],
			ru: ['few', 'many', 'one', 'other']
		};
		for (const locale of locales) {
			for (const [key, message] of Object.entries(catalogs[locale]!)) {
				if (typeof message === 'string' || key === '$schema') continue;
				const forms = Object.keys(message[0]!.match)
					.map((k) => k.split('=')[1])
					.sort();
				expect(forms, `${locale}.${key}`).toEqual(expected[locale]);
			}
		}
	});

	it('are really Kyrgyz and Russian, not copies of each other', () => {
		const same = allKeys.filter((k) => {
			const ky = texts(catalogs.ky![k]!).join();
			return ky === texts(catalogs.ru![k]!).join() && /[а-яё]{4,}/i.test(ky) && !/[ңөү]/i.test(ky);
		});
		// A single word may be the same in both languages (Профиль, Меню, Апробация, Медиана,
		// Файл…); a phrase the same in both was not translated.
		const words = (k: string) =>
			texts(catalogs.ky![k]!)
				.join(' ')
				.replace(/\{\w+\}/g, ' ')
				.split(/[^\p{L}-]+/u)
				.filter(Boolean).length;
		const phrases = same.filter((k) => words(k) > 1);
		expect(phrases, 'identical ky/ru phrases').toEqual([]);
		// Under 2 % of the ~2,000 keys: more would mean words copied rather than translated.
		expect(same.length, `identical ky/ru: ${same.join(', ')}`).toBeLessThan(40);
	});
});

describe('compiled messages', () => {
	it('the compiler emitted one function per key (not zero: a broken plugin path compiles nothing)', async () => {
		const m = (await import('../paraglide/messages.js')) as unknown as Record<
			string,
			(p: object, o: { locale: string }) => string
		>;
		const compiled = Object.keys(m).filter((k) => typeof m[k] === 'function');
		expect(compiled.length).toBeGreaterThan(0);
		expect(compiled.sort()).toEqual(allKeys);
		expect(m.sign_in!({}, { locale: 'ky' })).toBe('Кирүү');
		expect(m.sign_in!({}, { locale: 'ru' })).toBe('Войти');
		expect(m.sign_in!({}, { locale: 'en' })).toBe('Sign in');
		expect(m.error_too_many_attempts!({ minutes: 5 }, { locale: 'ru' })).toContain('5 минут.');
		expect(m.error_too_many_attempts!({ minutes: 2 }, { locale: 'ru' })).toContain('2 минуты.');
		expect(m.error_too_many_attempts!({ minutes: 1 }, { locale: 'ru' })).toContain('1 минуту.');
	});
});
