import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../db/ids';
import { dialectUnderTest } from '../test/db';
import { makeSchool } from '../test/factories';
import { useTestDatabase } from '../test/vitest';
import {
	catalogFacets,
	indexPublication,
	indexPublications,
	MAX_QUERY_LENGTH,
	removePublication,
	searchCatalog,
	type CatalogDocument,
	type CatalogQuery
} from './index';
import { editDistance, snippet, stem, terms } from './text';

// One suite, run on SQLite and on PostgreSQL (CI runs it with TEST_DATABASE_URL): both must
// find the same publications in the same order.

const t = useTestDatabase();
let schoolA: { id: string; slug: string; name: string };
let schoolB: { id: string; slug: string; name: string };

async function school(name: string) {
	const { id } = await makeSchool(t.db, { name });
	const row = await t.db
		.selectFrom('schools')
		.select(['id', 'slug', 'name'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	return { id: row.id, slug: row.slug!, name: row.name };
}

let n = 0;
function doc(over: Partial<CatalogDocument> = {}): CatalogDocument {
	n++;
	return {
		publicationId: newId(),
		code: `c${n.toString(36).padStart(5, '0')}`,
		kind: 'material',
		type: 'lesson_plan',
		title: `Материал ${n}`,
		abstract: '',
		body: '',
		authors: ['Айгүл Токтогулова'],
		language: 'ky',
		schoolId: schoolA.id,
		schoolName: schoolA.name,
		schoolSlug: schoolA.slug,
		region: 'KG-C',
		groupName: 'Башталгыч класстар',
		subjectIds: ['mathematics'],
		grades: [3],
		year: 2025,
		publishedAt: new Date(Date.UTC(2025, 0, n)),
		licence: 'cc_by',
		...over
	};
}

const search = (query: CatalogQuery) => searchCatalog(t.db, query);
const titles = async (query: CatalogQuery) => (await search(query)).results.map((r) => r.title);

beforeEach(async () => {
	await sql`delete from catalog_entry_subjects`.execute(t.db);
	await sql`delete from catalog_entry_grades`.execute(t.db);
	await sql`delete from catalog_texts`.execute(t.db);
	await sql`delete from catalog_words`.execute(t.db);
	if (dialectUnderTest === 'sqlite') await sql`delete from catalog_fts`.execute(t.db);
	await sql`delete from catalog_entries`.execute(t.db);
	await sql`delete from catalog_terms`.execute(t.db);
	schoolA = await school(`Токмоктогу №${newId().slice(-6)} мектеп`);
	schoolB = await school(`Бишкектеги №${newId().slice(-6)} гимназия`);
});

describe('the stemmer (search/text.ts)', () => {
	it('gives Kyrgyz words with other suffixes one stem, alternations at the end included', () => {
		const cases: [string, string][] = [
			['сабак', 'сабак'],
			['сабагы', 'сабак'],
			['сабагын', 'сабак'],
			['сабактар', 'сабак'],
			['сабактарды', 'сабак'],
			['сабактардын', 'сабак'],
			['мектеп', 'мектеп'],
			['мектеби', 'мектеп'],
			['мектептер', 'мектеп'],
			['китеби', 'китеп'],
			['китептерди', 'китеп'],
			['мугалим', 'мугалим'],
			['мугалимдер', 'мугалим'],
			['мугалиминин', 'мугалим'],
			['окуучулар', 'окууч'],
			['окуучуларга', 'окууч'],
			['тилдер', 'тил'],
			['тили', 'тил']
		];
		expect(cases.map(([word]) => [word, stem(word)])).toEqual(cases);
	});

	it('gives Russian word forms one stem', () => {
		const cases: [string, string][] = [
			['урок', 'урок'],
			['уроки', 'урок'],
			['уроков', 'урок'],
			['уроками', 'урок'],
			['математика', 'математик'],
			['математики', 'математик'],
			['математике', 'математик'],
			['школа', 'школ'],
			['школами', 'школ'],
			['занятие', 'занят'],
			['занятия', 'занят']
		];
		expect(cases.map(([word]) => [word, stem(word)])).toEqual(cases);
	});

	it('lower-cases, folds ё, keeps ң ө ү, drops stopwords and query syntax', () => {
		expect(terms('САБАКТАР ЖАНА Ёлка: "өнөр" OR (үй-бүлө) NEAR* ^таң -')).toEqual([
			'сабак',
			'елк',
			'өнөр',
			'үй',
			'бүл',
			'таң'
		]);
	});

	it('measures typos with transpositions', () => {
		expect(editDistance('сабк', 'сабак')).toBe(1);
		expect(editDistance('математки', 'математик')).toBe(1);
		expect(editDistance('математкиа', 'математик')).toBe(2);
		expect(editDistance('математик', 'математик')).toBe(0);
		expect(editDistance('урок', 'сабак', 1)).toBe(2);
	});

	it('escapes snippets and marks only the matched words', () => {
		expect(snippet('<script>alert(1)</script> Сабактар & окуу', new Set(['сабак']))).toBe(
			'&lt;script&gt;alert(1)&lt;/script&gt; <mark>Сабактар</mark> &amp; окуу'
		);
	});
});

describe(`searching the catalog (${dialectUnderTest})`, () => {
	it('finds Kyrgyz words by another suffix, and marks them in the snippet', async () => {
		await indexPublication(
			t.db,
			doc({ title: 'Ачык сабактын планы', body: 'Бул сабакта окуучулар сабагын кайталашат.' })
		);
		await indexPublication(t.db, doc({ title: 'Табият', body: 'Сабактарды кызыктуу өткөрүү.' }));
		await indexPublication(t.db, doc({ title: 'Башка нерсе', body: 'Эч нерсе жок.' }));
		for (const q of ['сабак', 'сабагы', 'сабактар', 'сабактарды', 'САБАК'])
			expect((await search({ q })).total, q).toBe(2);
		const page = await search({ q: 'сабактар' });
		expect(page.results[0]!.title).toBe('Ачык сабактын планы');
		expect(page.results[0]!.snippet).toContain('<mark>сабакта</mark>');
		expect(page.results[1]!.snippet).toContain('<mark>Сабактарды</mark>');
	});

	it('finds Russian words by another ending', async () => {
		await indexPublication(
			t.db,
			doc({ title: 'Открытые уроки математики', language: 'ru', body: 'Конспект урока.' })
		);
		await indexPublication(t.db, doc({ title: 'Чтение', language: 'ru', body: 'Про уроков нет.' }));
		expect(await titles({ q: 'урок', sort: 'title' })).toEqual([
			'Открытые уроки математики',
			'Чтение'
		]);
		expect(await titles({ q: 'математика' })).toEqual(['Открытые уроки математики']);
		expect(await titles({ q: 'уроки математике' })).toEqual(['Открытые уроки математики']);
	});

	it('forgives a wrong, missing or extra letter (two in long words), and says so', async () => {
		await indexPublication(t.db, doc({ title: 'Математика 3-класс', language: 'ru' }));
		await indexPublication(t.db, doc({ title: 'Ачык сабак' }));
		await indexPublication(t.db, doc({ title: 'Окуу китеби' }));
		expect(await titles({ q: 'математкиа' })).toEqual(['Математика 3-класс']);
		expect(await titles({ q: 'матиматика' })).toEqual(['Математика 3-класс']);
		expect(await titles({ q: 'сабк' })).toEqual(['Ачык сабак']);
		expect(await titles({ q: 'сабаак' })).toEqual(['Ачык сабак']);
		expect(await titles({ q: 'китап' })).toEqual(['Окуу китеби']);
		const page = await search({ q: 'сабк' });
		expect(page.corrections).toEqual([{ word: 'сабк', alternatives: ['сабак'] }]);
		// Too far, or too short to guess: nothing.
		expect((await search({ q: 'сбк' })).total).toBe(0);
		expect((await search({ q: 'зоология' })).total).toBe(0);
	});

	it('needs every word, and ranks a word in the title over the abstract over the body', async () => {
		const base = new Date(Date.UTC(2025, 5, 1));
		// The newest has the word only in the body: still last.
		await indexPublication(
			t.db,
			doc({ title: 'Үчүнчү', body: 'Геометрия боюнча иш.', publishedAt: new Date(+base + 3e8) })
		);
		await indexPublication(
			t.db,
			doc({
				title: 'Экинчи',
				abstract: 'Геометриянын негиздери.',
				publishedAt: new Date(+base + 2e8)
			})
		);
		await indexPublication(
			t.db,
			doc({ title: 'Геометрия: биринчи', publishedAt: base, body: 'Башка.' })
		);
		await indexPublication(t.db, doc({ title: 'Алгебра', body: 'Геометрия жок эмес.' }));
		expect(await titles({ q: 'геометрия' })).toEqual([
			'Геометрия: биринчи',
			'Экинчи',
			'Үчүнчү',
			'Алгебра'
		]);
		expect(await titles({ q: 'геометрия алгебра' })).toEqual(['Алгебра']);
		// The authors count with the abstract.
		await indexPublication(
			t.db,
			doc({ title: 'Төртүнчү', authors: ['Геометрия Мамытова'], publishedAt: base })
		);
		expect(await titles({ q: 'геометрия' })).toEqual([
			'Геометрия: биринчи',
			'Экинчи',
			'Төртүнчү',
			'Үчүнчү',
			'Алгебра'
		]);
	});

	it('ranks in tiers: every word in the title, then in title/abstract/authors, then anywhere', async () => {
		const day = (d: number) => new Date(Date.UTC(2025, 3, d));
		await indexPublication(
			t.db,
			doc({ title: 'Сабак', body: 'Ачык түрдө.', publishedAt: day(9) }) // tier 3, newest
		);
		await indexPublication(
			t.db,
			doc({ title: 'Ачык', abstract: 'Сабактын планы.', publishedAt: day(5) }) // tier 2
		);
		await indexPublication(t.db, doc({ title: 'Ачык сабак', publishedAt: day(1) })); // tier 1
		await indexPublication(t.db, doc({ title: 'Ачык сабактар', publishedAt: day(2) })); // tier 1
		expect(await titles({ q: 'ачык сабак' })).toEqual([
			'Ачык сабактар',
			'Ачык сабак',
			'Ачык',
			'Сабак'
		]);
		expect(await titles({ q: 'ачык сабак', sort: 'newest' })).toEqual([
			'Сабак',
			'Ачык',
			'Ачык сабактар',
			'Ачык сабак'
		]);
	});

	it('filters by subject, grade, language, type, school, region and year', async () => {
		await indexPublication(
			t.db,
			doc({ title: 'A', subjectIds: ['geometry'], grades: [7, 8], language: 'ru', year: 2024 })
		);
		await indexPublication(
			t.db,
			doc({
				title: 'B',
				type: 'collection',
				kind: 'edition',
				schoolId: schoolB.id,
				schoolSlug: schoolB.slug,
				schoolName: schoolB.name,
				region: 'KG-GB'
			})
		);
		await indexPublication(t.db, doc({ title: 'C', type: 'didactic' }));
		expect(await titles({ subject: 'geometry' })).toEqual(['A']);
		expect(await titles({ grade: '8' })).toEqual(['A']);
		expect(await titles({ language: 'ru' })).toEqual(['A']);
		expect(await titles({ type: 'collection' })).toEqual(['B']);
		expect(await titles({ school: schoolB.slug })).toEqual(['B']);
		expect(await titles({ school: schoolB.id })).toEqual(['B']);
		expect(await titles({ region: 'KG-C', sort: 'title' })).toEqual(['A', 'C']);
		expect(await titles({ year: 2024 })).toEqual(['A']);
		expect(await titles({ year: '2025', type: 'didactic', q: 'геометрия' })).toEqual([]);
		expect(await titles({ year: '2025', type: 'didactic' })).toEqual(['C']);
		const facets = await catalogFacets(t.db);
		expect(facets).toMatchObject({
			regions: ['KG-C', 'KG-GB'],
			years: [2025, 2024],
			languages: ['ky', 'ru'],
			types: ['collection', 'didactic', 'lesson_plan'],
			subjects: ['geometry', 'mathematics'],
			grades: [3, 7, 8],
			schoolsNeedRegion: false
		});
		expect(facets.schools.map((s) => s.slug).sort()).toEqual([schoolA.slug, schoolB.slug].sort());
		expect((await catalogFacets(t.db, 'KG-GB')).schools.map((s) => s.slug)).toEqual([schoolB.slug]);
	});

	it('without a query lists everything, newest first; sorts by oldest and by title', async () => {
		await indexPublication(t.db, doc({ title: 'Бета', publishedAt: new Date('2025-03-01') }));
		await indexPublication(t.db, doc({ title: 'Альфа', publishedAt: new Date('2025-01-01') }));
		await indexPublication(t.db, doc({ title: 'Гамма', publishedAt: new Date('2025-02-01') }));
		const all = await search({});
		expect(all.sort).toBe('newest');
		expect(all.results.map((r) => r.title)).toEqual(['Бета', 'Гамма', 'Альфа']);
		expect(await titles({ sort: 'oldest' })).toEqual(['Альфа', 'Гамма', 'Бета']);
		expect(await titles({ sort: 'title' })).toEqual(['Альфа', 'Бета', 'Гамма']);
		expect(all.results[0]).toMatchObject({
			kind: 'material',
			type: 'lesson_plan',
			authors: ['Айгүл Токтогулова'],
			schoolSlug: schoolA.slug,
			year: 2025,
			licence: 'cc_by',
			publishedAt: new Date('2025-03-01')
		});
	});

	it('pages by 20, and clamps a page past the end to the last one', async () => {
		await indexPublications(
			t.db,
			Array.from({ length: 45 }, (_, i) =>
				doc({
					title: `Сабак ${String(i).padStart(2, '0')}`,
					publishedAt: new Date(Date.UTC(2025, 0, 1, i))
				})
			)
		);
		const first = await search({ q: 'сабак', sort: 'title' });
		expect([first.total, first.page, first.pageCount, first.results.length]).toEqual([
			45, 1, 3, 20
		]);
		expect(first.results[0]!.title).toBe('Сабак 00');
		const third = await search({ q: 'сабак', sort: 'title', page: '3' });
		expect(third.results.map((r) => r.title)).toEqual([
			'Сабак 40',
			'Сабак 41',
			'Сабак 42',
			'Сабак 43',
			'Сабак 44'
		]);
		const past = await search({ q: 'сабак', page: 99 });
		expect([past.page, past.clamped, past.results.length]).toEqual([3, true, 5]);
	});

	it('pages across the title matches and the body-only ones, in one order', async () => {
		const day = (d: number) => new Date(Date.UTC(2025, 1, d));
		await indexPublications(t.db, [
			...Array.from({ length: 25 }, (_, i) =>
				doc({ title: `Тапшырма ${String(i).padStart(2, '0')}`, publishedAt: day(i + 1) })
			),
			...Array.from({ length: 10 }, (_, i) =>
				doc({ title: `Иш ${i}`, body: 'Тапшырмалар.', publishedAt: day(i + 1) })
			)
		]);
		const one = await search({ q: 'тапшырма' });
		const two = await search({ q: 'тапшырма', page: 2 });
		expect(one.total).toBe(35);
		expect(one.results.map((r) => r.title).slice(0, 2)).toEqual(['Тапшырма 24', 'Тапшырма 23']);
		expect(two.results.map((r) => r.title)).toEqual([
			...[4, 3, 2, 1, 0].map((i) => `Тапшырма 0${i}`),
			...[9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map((i) => `Иш ${i}`)
		]);
	});

	it('keeps the order of publishing for the same second, and a place when indexed again', async () => {
		const at = new Date('2025-05-05T10:00:00Z');
		const first = doc({ title: 'Биринчи', publishedAt: at });
		await indexPublication(t.db, first);
		await indexPublication(t.db, doc({ title: 'Экинчи', publishedAt: at }));
		await indexPublication(t.db, doc({ title: 'Үчүнчү', publishedAt: at }));
		expect(await titles({})).toEqual(['Үчүнчү', 'Экинчи', 'Биринчи']);
		await indexPublication(t.db, { ...first, title: 'Биринчи (жаңы)' });
		expect(await titles({})).toEqual(['Үчүнчү', 'Экинчи', 'Биринчи (жаңы)']);
	});

	it('finds a free place past a long run of publications of the same second', async () => {
		const at = new Date('2025-05-05T10:00:00Z');
		await indexPublications(
			t.db,
			Array.from({ length: 150 }, (_, i) => doc({ title: `Топ ${i}`, publishedAt: at }))
		);
		await indexPublication(t.db, doc({ title: 'Акыркы', publishedAt: at }));
		const page = await search({});
		expect([page.total, page.results[0]!.title, page.results[1]!.title]).toEqual([
			151,
			'Акыркы',
			'Топ 149'
		]);
	});

	it('replaces and removes a publication', async () => {
		const d = doc({ title: 'Эски аталыш' });
		await indexPublication(t.db, d);
		await indexPublication(t.db, { ...d, title: 'Жаңы аталыш' });
		expect(await titles({ q: 'аталыш' })).toEqual(['Жаңы аталыш']);
		expect((await search({ q: 'эски' })).total).toBe(0);
		await removePublication(t.db, d.publicationId);
		expect((await search({ q: 'аталыш' })).total).toBe(0);
		expect((await search({})).total).toBe(0);
	});

	it('answers bad input with results or nothing, never an error', async () => {
		await indexPublication(t.db, doc({ title: 'Ачык сабак', body: 'Урок NEAR OR AND' }));
		const odd = [
			'"',
			'*',
			'NEAR',
			'NEAR(сабак урок)',
			'сабак OR урок',
			'сабак AND',
			'title:сабак',
			'(',
			')',
			'-сабак',
			'^сабак',
			'"сабак',
			"сабак' or 1=1 --",
			'сабак*',
			'{title}: сабак',
			'\\',
			'%',
			'_',
			'\u0000',
			'😀 сабак',
			'   '
		];
		for (const q of odd) {
			const page = await search({ q });
			expect(page.total, q).toBeLessThanOrEqual(1);
		}
		expect((await search({ q: '"сабак' })).total).toBe(1);
		expect((await search({ q: 'сабак OR урок' })).total).toBe(1);
		expect((await search({ q: '*' })).total).toBe(1); // no words: everything
	});

	it('cuts a 10 KB query to its limit before searching, and says so', async () => {
		await indexPublication(t.db, doc({ title: 'Ачык сабак' }));
		const long = await search({ q: 'сабак '.repeat(2000) });
		expect(long.truncated).toBe(true);
		expect([...long.q].length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
		expect(
			long.q
				.trim()
				.split(/ +/)
				.every((w) => w === 'сабак')
		).toBe(true);
		expect(long.total).toBe(1);
		const many = await search({
			q: 'сабак ачык бир эки үч төрт беш алты жети сегиз тогуз он жыйырма отуз'
		});
		expect(many.q).toContain('отуз');
		expect(many.truncated).toBe(true);
		expect((await search({ q: 'сабак' })).truncated).toBe(false);
	});

	it('ignores unknown filter values, names them, and applies the rest', async () => {
		await indexPublication(t.db, doc({ title: 'Ачык сабак', grades: [5] }));
		const page = await search({
			subject: 'no-such-subject',
			grade: '12',
			language: 'xx',
			type: 'poem',
			school: 'nowhere',
			region: "KG-C' or 1=1",
			year: 'abc',
			sort: 'sideways',
			page: '-3'
		});
		expect(page.ignored).toEqual([
			'subject',
			'grade',
			'language',
			'type',
			'school',
			'region',
			'year',
			'sort',
			'page'
		]);
		expect([page.total, page.page, page.sort]).toEqual([1, 1, 'newest']);
		expect(page.filters).toEqual({});
		const mixed = await search({ grade: '5', year: '1900' });
		expect([mixed.total, mixed.ignored, mixed.filters]).toEqual([1, ['year'], { grade: 5 }]);
	});
});
