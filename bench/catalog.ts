// `npm run bench:catalog`: the public catalog with 100,000 published materials of 2,000
// schools — how fast the search answers on SQLite and on PostgreSQL, and how many catalog pages
// the real server serves per second against the public home page in the same run.
//
// Method
//   1. Builds the app if its sources changed, starts it (`scripts/start.js`) on a fresh
//      temporary SQLite data folder.
//   2. Seeds (timed): 2,000 schools with slugs in the 9 regions, a group per school, 100,000
//      publications (status published, audience public, snapshot '{}'), and their catalog
//      entries through the search module's bulk path (indexPublications), in one transaction
//      per 5,000. Titles, abstracts and bodies are made from word lists of school vocabulary in
//      Kyrgyz (with its suffixes: сабак, сабагы, сабактарды…) and Russian, about 3 in 5 Kyrgyz.
//   3. Search p95 on SQLite: BENCH_ROUNDS (5) rounds of a fixed mix of queries — Kyrgyz words
//      with other suffixes, Russian words, typos, filters only, query + filters, page 3, sort
//      by title — called on the search module in this process (after one warm-up round).
//   4. The same on PostgreSQL when TEST_DATABASE_URL or BENCH_DATABASE_URL is set: a fresh
//      schema there, the same seed, the same queries. Otherwise said to be skipped.
//   5. HTTP on the SQLite server: for BENCH_SECONDS (5) each, BENCH_CLIENTS (4) concurrent
//      clients GET the home page `/`, then `/catalog?q=…` (cycling through the queries),
//      twice alternately; requests per second of each (the better of the two runs).
// Output: a table, then LAST one JSON line {"sqlite_search_p95_ms":…,"pg_search_p95_ms":…,
// "catalog_page_rps":…,"home_rps":…, extra}.
// Targets: search p95 ≤ 50 ms on both; catalog page ≥ 70 % of the home page's rps.
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildIfNeeded } from '../scripts/lib/build.js';
import { startBenchServer } from './lib/server';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/connect';
import { newId } from '../src/lib/server/db/ids';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { materialTypes } from '../src/lib/server/db/types';
import {
	indexPublications,
	searchCatalog,
	type CatalogDocument,
	type CatalogQuery
} from '../src/lib/server/search/index';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
/** BENCH_HTTP=0: search only, no server (a quicker run while tuning). */
const HTTP = process.env.BENCH_HTTP !== '0';

// ------------------------------------------------------------------ text

let seed = 20261207;
/** mulberry32: a small PRNG in 32-bit integer arithmetic, the same sequence every run. */
function random() {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const some = <T>(list: readonly T[], n: number) => Array.from({ length: n }, () => pick(list));

// Kyrgyz stems and the suffixes they take in school texts (the same word in many forms).
// prettier-ignore
const kyNouns = [
	'сабак', 'мектеп', 'китеп', 'мугалим', 'окуучу', 'класс', 'тема', 'тапшырма', 'көнүгүү',
	'маселе', 'текст', 'сөз', 'сүйлөм', 'тил', 'адабият', 'тарых', 'география', 'биология',
	'химия', 'физика', 'математика', 'алгебра', 'геометрия', 'эсеп', 'сан', 'бөлчөк', 'теңдеме',
	'фигура', 'аянт', 'узундук', 'табият', 'жаныбар', 'өсүмдүк', 'суу', 'тоо', 'жер', 'мекен',
	'ата-эне', 'үй-бүлө', 'оюн', 'ыр', 'жомок', 'макал', 'табышмак', 'дастан', 'акын', 'жазуучу',
	'чыгарма', 'баяндама', 'дил баян', 'изилдөө', 'долбоор', 'тажрыйба', 'байкоо', 'жыйынтык',
	'баалоо', 'критерий', 'рубрика', 'суроо', 'жооп', 'топ', 'жуп', 'иш', 'ыкма', 'технология',
	'сабаттуулук', 'окуу', 'жазуу', 'угуу', 'сүйлөө', 'маданият', 'салт', 'каада', 'эмгек',
	'ден соолук', 'спорт', 'музыка', 'сүрөт', 'компьютер', 'программа', 'алгоритм', 'маалымат',
	'бөлүм', 'мисал', 'эреже', 'аныктама', 'формула', 'график', 'таблица', 'карта', 'дүйнө',
	'коом', 'укук', 'экономика', 'экология', 'энергия', 'күч', 'кыймыл', 'убакыт', 'жыл', 'ай'
];
// prettier-ignore
const kySuffixes = [
	'', '', '', 'тын', 'ты', 'тар', 'тарды', 'тардын', 'ка', 'та', 'тан', 'ы', 'ын', 'ына',
	'дын', 'ды', 'дар', 'дарды', 'га', 'да', 'дан', 'лар', 'ларды', 'лардын', 'нын', 'ны', 'ларга'
];
// prettier-ignore
const kyWords = [
	'жана', 'менен', 'үчүн', 'боюнча', 'ачык', 'жаңы', 'негизги', 'кошумча', 'ар бир', 'бардык',
	'өз алдынча', 'биргелешип', 'кызыктуу', 'пайдалуу', 'практикалык', 'теориялык', 'заманбап',
	'окутуу', 'үйрөтүү', 'өнүктүрүү', 'калыптандыруу', 'бекемдөө', 'кайталоо', 'түшүндүрүү',
	'көрсөтүү', 'талдоо', 'салыштыруу', 'аткарышат', 'үйрөнүшөт', 'окушат', 'жазышат', 'ойношот',
	'талкуулашат', 'изилдешет', 'баалашат', 'биринчи', 'экинчи', 'үчүнчү', 'чыгармачыл', 'кыргыз',
	'орус', 'англис', 'башталгыч', 'орто', 'жогорку', 'дифференцияланган', 'калыптандыруучу',
	'функционалдык', 'санариптик', 'интерактивдүү', 'сынчыл', 'ой жүгүртүү', 'көндүм', 'билим'
];
// Russian words in several forms each.
// prettier-ignore
const ruForms = [
	['урок', 'урока', 'уроки', 'уроков', 'уроке', 'уроками'],
	['учитель', 'учителя', 'учителей', 'учителям'],
	['ученик', 'ученика', 'ученики', 'учеников', 'ученикам'],
	['школа', 'школы', 'школе', 'школ'],
	['задача', 'задачи', 'задач', 'задачами'],
	['упражнение', 'упражнения', 'упражнений'],
	['математика', 'математики', 'математике'],
	['литература', 'литературы', 'литературе'],
	['история', 'истории'],
	['география', 'географии'],
	['биология', 'биологии'],
	['физика', 'физики', 'физике'],
	['химия', 'химии'],
	['язык', 'языка', 'языку', 'языке'],
	['текст', 'текста', 'тексты', 'текстов'],
	['оценивание', 'оценивания'],
	['проект', 'проекта', 'проекты', 'проектов'],
	['исследование', 'исследования'],
	['класс', 'класса', 'классе', 'классов'],
	['занятие', 'занятия', 'занятий'],
	['метод', 'метода', 'методы', 'методов'],
	['игра', 'игры', 'игр'],
	['природа', 'природы', 'природе'],
	['чтение', 'чтения'],
	['грамотность', 'грамотности'],
	['навык', 'навыки', 'навыков'],
	['тема', 'темы', 'теме'],
	['дробь', 'дроби', 'дробей'],
	['уравнение', 'уравнения', 'уравнений'],
	['программа', 'программы'],
	['семья', 'семьи'],
	['родина', 'родины']
] as const;
// prettier-ignore
const ruWords = [
	'открытый', 'открытого', 'новый', 'новые', 'формативное', 'развитие', 'развития', 'по', 'для',
	'в', 'на', 'и', 'с', 'практические', 'самостоятельная', 'работа', 'работы', 'групповая',
	'критическое', 'мышление', 'функциональная', 'цифровые', 'инструменты', 'интерактивные',
	'обучение', 'обучения', 'начальные', 'старшие', 'план', 'конспект', 'разработка', 'сборник'
];
// A little vocabulary only some publications have (rare words make rare searches).
const rareWords = Array.from({ length: 3000 }, (_, i) => `тема${i.toString(36)}`);

const kyWord = () =>
	random() < 0.55 ? pick(kyNouns) + (random() < 0.5 ? pick(kySuffixes) : '') : pick(kyWords);
const ruWord = () => (random() < 0.6 ? pick(pick(ruForms)) : pick(ruWords));
const sentence = (word: () => string, n: number) => {
	const text = Array.from({ length: n }, word).join(' ');
	return text[0]!.toUpperCase() + text.slice(1) + '.';
};
const text = (word: () => string, sentences: number) =>
	Array.from({ length: sentences }, () => sentence(word, 6 + Math.floor(random() * 8))).join(' ');

// prettier-ignore
const firstNames = ['Айгүл', 'Нурлан', 'Жылдыз', 'Бакыт', 'Үмүт', 'Чыңгыз', 'Гүлнара', 'Өмүр', 'Мээрим', 'Азамат', 'Елена', 'Ольга', 'Сергей'];
// prettier-ignore
const lastNames = ['Токтогулова', 'Асанов', 'Сарыбаева', 'Жумабаев', 'Өмүрбекова', 'Теңизбаев', 'Иванова', 'Ким', 'Абдыкадырова'];
const regions = ['KG-B', 'KG-C', 'KG-GB', 'KG-GO', 'KG-J', 'KG-N', 'KG-O', 'KG-T', 'KG-Y'];
// prettier-ignore
const places = ['Кара-Балта', 'Токмок', 'Кант', 'Ош', 'Жалал-Абад', 'Нарын', 'Талас', 'Каракол', 'Баткен', 'Өзгөн', 'Кызыл-Кыя', 'Балыкчы', 'Чолпон-Ата', 'Ноокат', 'Бишкек'];
// prettier-ignore
const subjectIds = ['kyrgyz-language', 'kyrgyz-literature', 'russian-language', 'russian-literature', 'english', 'mathematics', 'algebra', 'geometry', 'homeland-studies', 'nature-study'];

interface School {
	id: string;
	name: string;
	slug: string;
	region: string;
	groupId: string;
	groupName: string;
}

function makeSchools(): School[] {
	return Array.from({ length: SCHOOLS }, (_, i) => {
		const place = places[i % places.length]!;
		return {
			id: newId(),
			name: `${place} шаарындагы №${i + 1} орто мектеп`,
			slug: `mektep-${i + 1}`,
			region: regions[i % regions.length]!,
			groupId: newId(),
			groupName: pick(['Башталгыч класстар', 'Тил жана адабият', 'Табигый илимдер', 'Математика'])
		};
	});
}

function makeDocument(i: number, school: School): CatalogDocument {
	const ky = random() < 0.6;
	const word = ky ? kyWord : ruWord;
	const grade = 1 + Math.floor(random() * 11);
	const title = ky
		? `${grade}-класста ${pick(kyNouns)}${pick(kySuffixes)} ${pick(kyWords)} ${pick(kyNouns)}${pick(['', 'ы', 'сы'])}`
		: `${pick(ruWords)} ${pick(pick(ruForms))} ${pick(pick(ruForms))} в ${grade} классе`;
	const rare = random() < 0.3 ? ` ${pick(rareWords)}` : '';
	const year = 2020 + Math.floor(random() * 7);
	return {
		publicationId: newId(),
		code: `b${i.toString(36).padStart(6, '0')}`,
		kind: 'material',
		type: pick(materialTypes),
		title: title[0]!.toUpperCase() + title.slice(1),
		abstract: text(word, 2) + rare,
		body: text(word, 8 + Math.floor(random() * 8)),
		authors: Array.from(
			{ length: 1 + Math.floor(random() * 2) },
			() => `${pick(firstNames)} ${pick(lastNames)}`
		),
		language: ky ? 'ky' : 'ru',
		schoolId: school.id,
		schoolName: school.name,
		schoolSlug: school.slug,
		region: school.region,
		groupName: school.groupName,
		subjectIds: some(subjectIds, 1 + Math.floor(random() * 2)),
		grades: [grade],
		year,
		publishedAt: new Date(
			Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)) +
				Math.floor(random() * 86_400) * 1000
		),
		licence: pick(['cc_by', 'cc_by', 'cc_by_sa', 'cc_by_nc', 'all_rights_reserved'])
	};
}

// ------------------------------------------------------------------ seeding

/** Writes schools, groups, publications and the catalog; returns the seconds taken. */
async function seedDatabase(handle: DatabaseHandle, schools: School[]): Promise<number> {
	const started = performance.now();
	const db = handle.db;
	const now = new Date();
	await db.transaction().execute(async (trx) => {
		// A deployment that is set up: otherwise every page sends the visitor to /setup.
		const done = await trx.selectFrom('deployment').select('id').executeTakeFirst();
		if (!done) await trx.insertInto('deployment').values({ id: 1, setupAt: now }).execute();
		for (let i = 0; i < schools.length; i += 500) {
			const batch = schools.slice(i, i + 500);
			await trx
				.insertInto('schools')
				.values(
					batch.map((s) => ({
						id: s.id,
						name: s.name,
						slug: s.slug,
						region: s.region,
						city: 'Бишкек',
						createdAt: now,
						updatedAt: now
					}))
				)
				.execute();
			await trx
				.insertInto('groups')
				.values(
					batch.map((s) => ({
						id: s.groupId,
						schoolId: s.id,
						name: s.groupName,
						theme: 'Окутуунун заманбап ыкмалары',
						problem: '',
						goals: '',
						expectedResults: '',
						strategy: '',
						formsOfWork: '',
						startedOn: '2024-09-01',
						createdAt: now,
						updatedAt: now
					}))
				)
				.execute();
		}
	});
	seed = 7;
	const CHUNK = 5000;
	for (let start = 0; start < DOCUMENTS; start += CHUNK) {
		const docs = Array.from({ length: Math.min(CHUNK, DOCUMENTS - start) }, (_, k) =>
			makeDocument(start + k, schools[(start + k) % schools.length]!)
		);
		await db.transaction().execute(async (trx) => {
			for (let i = 0; i < docs.length; i += 500)
				await trx
					.insertInto('publications')
					.values(
						docs.slice(i, i + 500).map((d, k) => ({
							id: d.publicationId,
							code: d.code,
							schoolId: d.schoolId,
							groupId: schools[(start + i + k) % schools.length]!.groupId,
							kind: 'material' as const,
							audience: 'public' as const,
							licence: d.licence as 'cc_by',
							status: 'published' as const,
							title: d.title,
							snapshot: '{}',
							language: d.language,
							year: d.year,
							requestedAt: d.publishedAt,
							publishedAt: d.publishedAt
						}))
					)
					.execute();
			await indexPublications(trx, docs);
		});
		process.stderr.write(`\r  ${handle.dialect}: ${start + docs.length} / ${DOCUMENTS}`);
	}
	process.stderr.write('\n');
	if (handle.dialect === 'postgres') await sql`analyze`.execute(db);
	else await sql`pragma optimize`.execute(db);
	return (performance.now() - started) / 1000;
}

// ------------------------------------------------------------------ measuring

const queries: { name: string; query: CatalogQuery }[] = [
	{ name: 'ky suffix', query: { q: 'сабактарды' } },
	{ name: 'ky suffix', query: { q: 'мугалимдерге' } },
	{ name: 'ky suffix', query: { q: 'окуучулардын тапшырмасы' } },
	{ name: 'ky two words', query: { q: 'ачык сабагы' } },
	{ name: 'ky rare', query: { q: 'тема2s' } },
	{ name: 'ru', query: { q: 'уроки' } },
	{ name: 'ru', query: { q: 'учителей математики' } },
	{ name: 'ru phrase', query: { q: 'формативное оценивание в 5 классе' } },
	{ name: 'typo', query: { q: 'сабк' } },
	{ name: 'typo', query: { q: 'матиматика' } },
	{ name: 'typo', query: { q: 'окуучлар' } },
	{ name: 'no match', query: { q: 'зоопарк' } },
	{ name: 'filter', query: { subject: 'mathematics' } },
	{ name: 'filter', query: { grade: '5', language: 'ru' } },
	{ name: 'filter', query: { region: 'KG-O', year: '2024' } },
	{ name: 'filter', query: { school: 'mektep-17' } },
	{ name: 'filter', query: { type: 'didactic', sort: 'title' } },
	{ name: 'q + filter', query: { q: 'сабак', grade: '3' } },
	{ name: 'q + filter', query: { q: 'урок', region: 'KG-C', sort: 'newest' } },
	{ name: 'q + filter', query: { q: 'китеп', subject: 'kyrgyz-literature', year: '2025' } },
	{ name: 'page 3', query: { q: 'тапшырма', page: '3' } },
	{ name: 'all', query: {} },
	{ name: 'bad input', query: { q: '"NEAR(сабак* OR урок' } },
	{ name: '10 KB', query: { q: 'сабак '.repeat(1700) } }
];

const p95 = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
};
const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function measureSearch(handle: DatabaseHandle) {
	for (const { query } of queries) await searchCatalog(handle.db, query);
	const times: number[] = [];
	const byName = new Map<string, number[]>();
	const totals = new Map<string, number>();
	for (let round = 0; round < ROUNDS; round++)
		for (const { name, query } of queries) {
			const t0 = performance.now();
			const page = await searchCatalog(handle.db, query);
			const ms = performance.now() - t0;
			times.push(ms);
			if (!byName.has(name)) byName.set(name, []);
			byName.get(name)!.push(ms);
			totals.set(JSON.stringify(query).slice(0, 60), page.total);
		}
	return { p95: p95(times), median: median(times), byName, totals };
}

// ------------------------------------------------------------------ the server

const startServer = () => startBenchServer('catalog');

/** Requests per second of `clients` concurrent loops GETting the urls for `seconds`. */
async function throughput(urls: string[], seconds: number, clients: number) {
	const until = performance.now() + seconds * 1000;
	let done = 0;
	let next = 0;
	let bytes = 0;
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: clients }, async () => {
			while (performance.now() < until) {
				const url = urls[next++ % urls.length]!;
				const response = await fetch(url, { redirect: 'manual' });
				const body = await response.arrayBuffer();
				if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
				bytes = body.byteLength;
				done++;
			}
		})
	);
	return { rps: done / ((performance.now() - t0) / 1000), bytes };
}

async function adminQuery(url: string, statement: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

// ------------------------------------------------------------------ the run

/** A SQLite database without a server, for BENCH_HTTP=0. */
async function sqliteOnly() {
	const kept = process.env.BENCH_SQLITE_DIR;
	const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-bench-catalog-'));
	const handle = openDatabase({ dataDir });
	await migrateToLatest(handle);
	return {
		url: '',
		handle,
		async stop() {
			await handle.close();
			if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

if (HTTP) buildIfNeeded();
const schools = makeSchools();
const server = HTTP ? await startServer() : await sqliteOnly();
const result: Record<string, number | string | null> = {};
const table: [string, string, string][] = [];
try {
	// The server migrated its database at start; the seed writes into the same file.
	await sql`pragma synchronous = off`.execute(server.handle.db);
	const sqliteSeed = await seedDatabase(server.handle, schools);
	await sql`pragma synchronous = full`.execute(server.handle.db);
	const sqliteFile = server.handle.sqliteFile!;
	const sqliteMb = fs.statSync(sqliteFile).size / 2 ** 20;
	const sqlite = await measureSearch(server.handle);
	result.sqlite_search_p95_ms = round(sqlite.p95);
	result.sqlite_search_median_ms = round(sqlite.median);
	result.sqlite_seed_s = round(sqliteSeed);
	result.sqlite_mb = Math.round(sqliteMb);
	table.push(['SQLite seed', `${round(sqliteSeed)} s (${Math.round(sqliteMb)} MB)`, '']);
	table.push([
		'SQLite search p95',
		`${round(sqlite.p95)} ms (median ${round(sqlite.median)})`,
		'≤ 50 ms'
	]);
	for (const [name, times] of sqlite.byName)
		table.push([`  sqlite ${name}`, `p95 ${round(p95(times))} ms`, '']);

	let pgResult: Awaited<ReturnType<typeof measureSearch>> | undefined;
	if (PG_URL) {
		const schema = `bench_catalog_${randomBytes(4).toString('hex')}`;
		await adminQuery(PG_URL, `create schema ${schema}`);
		const handle = openDatabase({ databaseUrl: PG_URL, dataDir: '', schema, poolSize: 4 });
		try {
			await migrateToLatest(handle);
			const pgSeed = await seedDatabase(handle, schools);
			pgResult = await measureSearch(handle);
			result.pg_search_p95_ms = round(pgResult.p95);
			result.pg_search_median_ms = round(pgResult.median);
			result.pg_seed_s = round(pgSeed);
			table.push(['PostgreSQL seed', `${round(pgSeed)} s`, '']);
			table.push([
				'PostgreSQL search p95',
				`${round(pgResult.p95)} ms (median ${round(pgResult.median)})`,
				'≤ 50 ms'
			]);
			for (const [name, times] of pgResult.byName)
				table.push([`  pg ${name}`, `p95 ${round(p95(times))} ms`, '']);
			const differ = [...sqlite.totals].filter(([k, v]) => pgResult!.totals.get(k) !== v);
			result.pg_sqlite_same_totals = differ.length === 0 ? 'yes' : `no: ${differ.length}`;
		} finally {
			await handle.close();
			await adminQuery(PG_URL, `drop schema ${schema} cascade`);
		}
	} else {
		result.pg_search_p95_ms = null;
		table.push(['PostgreSQL', 'skipped (set TEST_DATABASE_URL or BENCH_DATABASE_URL)', '']);
	}

	if (!HTTP) {
		for (const [name, value, target] of table)
			console.log(`${name.padEnd(24)} ${value.padEnd(48)} ${target}`);
		console.log(JSON.stringify(result));
		process.exit(0);
	}
	const home = [`${server.url}/`];
	const catalog = queries
		.filter((q) => q.query.q && q.query.q.length < 100)
		.map((q) => `${server.url}/catalog?q=${encodeURIComponent(q.query.q!)}`);
	await throughput([...home, ...catalog], 2, CLIENTS);
	const homeRuns: number[] = [];
	const catalogRuns: number[] = [];
	let homeKb = 0;
	let catalogKb = 0;
	for (let run = 0; run < 2; run++) {
		const h = await throughput(home, SECONDS, CLIENTS);
		homeRuns.push(h.rps);
		homeKb = h.bytes / 1024;
		const c = await throughput(catalog, SECONDS, CLIENTS);
		catalogRuns.push(c.rps);
		catalogKb = c.bytes / 1024;
	}
	result.catalog_page_rps = round(Math.max(...catalogRuns));
	result.home_rps = round(Math.max(...homeRuns));
	result.catalog_to_home = round(Math.max(...catalogRuns) / Math.max(...homeRuns), 2);
	result.documents = DOCUMENTS;
	result.schools = SCHOOLS;
	table.push(['home page', `${result.home_rps} req/s (${round(homeKb)} KB)`, '']);
	table.push([
		'catalog page',
		`${result.catalog_page_rps} req/s (${round(catalogKb)} KB), ×${result.catalog_to_home}`,
		'≥ 0.7× home'
	]);
	for (const [name, value, target] of table)
		console.log(`${name.padEnd(24)} ${value.padEnd(48)} ${target}`);
	console.log(JSON.stringify(result));
} finally {
	await server.stop();
}
