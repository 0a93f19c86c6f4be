import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The patterns the Kyrgyz language review (issue 18) found, as a test: a Kyrgyz sentence
// that must put a case ending on a name or a date, a term the glossary rejects, a catalog
// out of step with the other two. Rules and term table: docs/glossary.md.

const root = path.resolve(import.meta.dirname, '../../..');
type Message =
	string | { declarations: string[]; selectors: string[]; match: Record<string, string> }[];
type Catalog = Record<string, Message>;
const read = (locale: string): Catalog =>
	JSON.parse(fs.readFileSync(path.join(root, 'messages', `${locale}.json`), 'utf8'));
const catalogs: Record<string, Catalog> = { ky: read('ky'), ru: read('ru'), en: read('en') };
const keys = (catalog: Catalog) => Object.keys(catalog).filter((k) => k !== '$schema');

function texts(message: Message): string[] {
	return typeof message === 'string' ? [message] : message.flatMap((m) => Object.values(m.match));
}
function variables(message: Message): string[] {
	const names = texts(message).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
	return [...new Set(names)].sort();
}
/** Every (key, text) of the Kyrgyz catalog, a plural message giving one text per form. */
const kyTexts = keys(catalogs.ky!).flatMap((key) =>
	texts(catalogs.ky![key]!).map((text) => ({ key, text }))
);

/**
 * Variables that hold a number: a Kyrgyz ending on a number is written with a hyphen and
 * is always right («{number}-версия», «{max} МБдан»). from/to are version and revision
 * numbers (grade a class's 1–12); where from/to are dates (approbation_period_value)
 * they stand alone.
 */
const numeric = new Set(
	'admins answered chars confirmed count days decimals done from grade hours level line max mb members min minutes n number page pages percent proposals pupils required roll rows seconds size staff sum to total version words'.split(
		' '
	)
);

/**
 * Justified exceptions to "no name or date followed by a Kyrgyz word": in each the value
 * is the grammatical subject, in the nominative, which takes no ending.
 */
const subjectExceptions: Record<string, string> = {
	invite_lead_school: '«{school} сизди … чакырат»: the school invites (the review’s wording)',
	mail_invitation_body: '«{school} сизди … чакырат»: the school invites (the review’s wording)',
	post_replying_to: '«{name} жазган билдирүүгө жооп»: {name} is the subject of «жазган»',
	post_quoting: '«{name} жазгандан цитата»: {name} is the subject of «жазган»',
	post_quote_by: '«{name} жазган:»: {name} is the subject of «жазган»',
	minutes_heading_named:
		'«{group} отурумунун»: {group} arrives declined, «…чыгармачыл тобунун» (web/minutes-document.ts)',
	// The approval note (collections/labels.ts): {group} is «"Name" чыгармачыл тобу», in the
	// nominative that «тарабынан» takes; {body} arrives in the genitive («мектептин
	// методикалык кеңешинин»); {date} arrives declined («2026-жылдын 23-сентябрындагы»).
	collection_doc_approval_protocol_date: 'the approval note: values arrive declined (labels.ts)',
	collection_doc_approval_protocol: 'the approval note: values arrive declined (labels.ts)',
	collection_doc_approval_date: 'the approval note: values arrive declined (labels.ts)',
	collection_doc_approval_plain: 'the approval note: values arrive declined (labels.ts)'
};

/**
 * «{group}» чыгармачыл тобу is the review's own wording; where the code first checks that the
 * name does not already end in «тобу» (and declines the name itself when it does), it is kept.
 */
const groupNameChecked = new Set(['minutes_heading', 'collection_doc_group_line']);

// Kyrgyz-aware word boundaries: a letter (with ң ө ү) or a hyphen continues a word.
const before = '(?<![\\p{L}\\p{M}-])';
const after = '(?![\\p{L}\\p{M}])';
const word = (stem: string, rest = '') => new RegExp(`${before}(?:${stem})${rest}${after}`, 'iu');

/** The "not" column of the review's term table, with the word to use instead. */
const rejectedTerms: { pattern: RegExp; use: string }[] = [
	// «жыйын» (meeting) and its case forms; «жыйынды» (collection), «жыйынтык» stay.
	{ pattern: word('жыйын', '(?:дар\\p{L}*|дын|га|да|дан)?'), use: 'отурум' },
	{ pattern: word('долбоор', '\\p{L}*'), use: 'кара жазма' },
	{ pattern: word('жыйнак', '\\p{L}*'), use: 'жыйынды' },
	{ pattern: word('сынчы', '\\p{L}*'), use: 'рецензент' },
	{ pattern: word('пикир-баа', '\\p{L}*'), use: 'рецензия' },
	{ pattern: word('илимпоз', '\\p{L}*'), use: 'окумуштуу' },
	{ pattern: word('тышкы\\s+мүчө', '\\p{L}*'), use: 'сырткы мүчө' },
	{ pattern: word('сырттан'), use: 'сырткы мүчө' },
	{ pattern: word('жадыбал', '\\p{L}*'), use: 'таблица' },
	{ pattern: word('үстүн\\s+сызуу'), use: 'үстүнөн сызуу' },
	{ pattern: word('суроо-талап', '\\p{L}*'), use: 'сурам' },
	{ pattern: word('калыс\\s+калуу'), use: 'Калыс (result: «калыс калды»)' },
	{ pattern: word('ооба\\s*/\\s*жок'), use: 'Макул / Каршы / Калыс' },
	{ pattern: word('баракты\\s+жаңырт', '\\p{L}*'), use: '«Баракты жаңылаңыз»' },
	{ pattern: word('ушул\\s+учурда\\s+өзгөр', '\\p{L}*'), use: '«жаңы эле өзгөрдү»' }
];

describe('Kyrgyz wording (the language review of issue 18)', () => {
	it('puts no name, date or place before a Kyrgyz word that would need an ending on it', () => {
		const found: string[] = [];
		for (const { key, text } of kyTexts) {
			if (subjectExceptions[key]) continue;
			for (const m of text.matchAll(/\{(\w+)\}[ \u00a0]?-?(?=[\p{L}])/gu)) {
				if (!numeric.has(m[1]!)) found.push(`${key}: ${text}`);
			}
		}
		expect(found).toEqual([]);
	});

	it('does not double a school or a group name with its common noun', () => {
		const found = kyTexts
			.filter(({ key }) => !groupNameChecked.has(key))
			.filter(({ text }) =>
				/\{school\}»?\s+мектеб|\{group\}»?\s+(?:чыгармачыл\s+)?тоб/iu.test(text)
			)
			.map(({ key, text }) => `${key}: ${text}`);
		expect(found).toEqual([]);
	});

	it('uses the glossary’s terms, not the rejected ones', () => {
		const found: string[] = [];
		for (const { key, text } of kyTexts) {
			for (const { pattern, use } of rejectedTerms) {
				const m = text.match(pattern);
				if (m) found.push(`${key}: «${m[0]}» → ${use}`);
			}
		}
		expect(found).toEqual([]);
	});

	it('says «чыпкалоо» for filtering («иреттөө» is sorting)', () => {
		const found = keys(catalogs.ky!).filter(
			(key) =>
				texts(catalogs.en![key] ?? '').some((t) => /\bfilter/i.test(t)) &&
				texts(catalogs.ky![key]!).some((t) => word('иретт', '\\p{L}*').test(t))
		);
		expect(found).toEqual([]);
	});

	it('gives votes the options Макул / Каршы / Калыс', () => {
		const options = ['vote_option_yes', 'vote_option_no', 'vote_option_abstain'];
		expect(options.map((k) => catalogs.ky![k])).toEqual(['Макул', 'Каршы', 'Калыс']);
		const found = kyTexts
			.filter(({ key }) => /^vote_(option|tally|kind)_/.test(key))
			.filter(({ text }) => word('ооба|жок').test(text))
			.map(({ key, text }) => `${key}: ${text}`);
		expect(found).toEqual([]);
	});

	it('numbers one way: «№5 сунуш», «1-ден», «2-версия»', () => {
		const found: string[] = [];
		for (const { key, text } of kyTexts) {
			// A noun before «№» and nothing after («Сунуш № 5») where the rest of the app
			// says «№5 сунуш»; «Апробациядагы №2 класс» is the right order.
			if (/\p{L}\s*№\s*(?:\{\w+\}|\d+)(?!\s*\p{L})/u.test(text)) found.push(`${key}: ${text}`);
			// An ending straight on a digit («1ден 5ке»): Kyrgyz writes it with a hyphen.
			else if (/\d\p{Script=Cyrillic}/u.test(text)) found.push(`${key}: ${text}`);
			// «(версия 2)» next to «2-версия».
			else if (/версия\s*[{\d]/iu.test(text)) found.push(`${key}: ${text}`);
		}
		expect(found).toEqual([]);
	});

	it('keeps the three catalogs in step: the same keys, the same variables per key', () => {
		const all = [...new Set(Object.values(catalogs).flatMap(keys))].sort();
		const gaps: string[] = [];
		for (const [locale, catalog] of Object.entries(catalogs)) {
			for (const key of all) {
				if (catalog[key] === undefined) gaps.push(`${locale}: missing ${key}`);
				else if (variables(catalog[key]!).join() !== variables(catalogs.ky![key] ?? '').join())
					gaps.push(`${locale}.${key}: {${variables(catalog[key]!).join('} {')}}`);
			}
		}
		expect(gaps).toEqual([]);
	});
});
