import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { isPostgres } from '../db/migrations/columns';
import { materialTypes, type DB } from '../db/types';
import { tag } from './tags';
import { editDistance, readQuery, snippet, termKeys, typoBudget } from './text';

export { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from './text';
export const PAGE_SIZE = 20;

export const catalogSorts = ['relevance', 'newest', 'oldest', 'title'] as const;
export type CatalogSort = (typeof catalogSorts)[number];
export const catalogLanguages = ['ky', 'ru', 'en'] as const;
/** Every type an entry may have: the material types, an edition's, results'. */
export const catalogTypes = [...materialTypes, 'collection', 'results'] as const;
export type CatalogFilterName =
	'subject' | 'grade' | 'language' | 'type' | 'school' | 'region' | 'year' | 'sort' | 'page';

/**
 * What the reader asked, as it comes from the address (every value a string, maybe absent or
 * nonsense): searchCatalog decides what it means and says what it ignored.
 */
export interface CatalogQuery {
	q?: string | null;
	subject?: string | null;
	grade?: string | number | null;
	language?: string | null;
	type?: string | null;
	/** A school's slug or id. */
	school?: string | null;
	region?: string | null;
	year?: string | number | null;
	sort?: string | null;
	/** 1-based. */
	page?: string | number | null;
}

/** The filters applied: each one well-formed and known (unknown values are dropped). */
export interface CatalogFilters {
	subject?: string;
	grade?: number;
	language?: 'ky' | 'ru' | 'en';
	type?: string;
	/** The school's id (found by slug or id). */
	school?: { id: string; slug: string; name: string };
	region?: string;
	year?: number;
}

export interface CatalogResult {
	publicationId: string;
	code: string;
	kind: 'edition' | 'material' | 'results';
	type: string;
	title: string;
	authors: string[];
	language: string;
	schoolName: string;
	schoolSlug: string;
	region: string;
	groupName: string;
	year: number;
	publishedAt: Date;
	licence: string;
	/** HTML: escaped text, the matched words in <mark>. Safe for {@html}. */
	snippet: string;
}

export interface CatalogPage {
	/** The query as searched (after the cut). */
	q: string;
	/** The query was longer than MAX_QUERY_LENGTH characters or MAX_QUERY_TERMS words: cut. */
	truncated: boolean;
	/** Misspelt words and the indexed words searched for instead. */
	corrections: { word: string; alternatives: string[] }[];
	filters: CatalogFilters;
	/** Parameters given with a value that is not known: ignored, the rest applied. */
	ignored: CatalogFilterName[];
	sort: CatalogSort;
	page: number;
	pageCount: number;
	pageSize: number;
	/** The page asked for was past the last one: the last one is shown. */
	clamped: boolean;
	total: number;
	results: CatalogResult[];
}

/** One word of the query and the indexed stems it stands for. */
interface QueryTerm {
	word: string;
	stems: string[];
	corrected: boolean;
}

/** Searches the catalog: everything in it is public, so anyone may. */
export async function searchCatalog(db: DB, query: CatalogQuery): Promise<CatalogPage> {
	// Cut before any work: a 10 KB query costs what a 200-character one does.
	const { q, truncated, wanted } = readQuery(String(query.q ?? ''));

	const ignored: CatalogFilterName[] = [];
	const filters = await readFilters(db, query, ignored);
	const searching = wanted.length > 0;
	let sort = parseSort(query.sort, searching);
	if (query.sort && sort !== query.sort) ignored.push('sort');
	if (sort === 'relevance' && !searching) sort = 'newest';
	let asked = 1;
	if (query.page !== undefined && query.page !== null && query.page !== '') {
		const n = Number(query.page);
		if (Number.isInteger(n) && n >= 1) asked = n;
		else ignored.push('page');
	}

	const queryTerms = searching ? await resolveTerms(db, wanted) : [];
	const nothing = queryTerms.some((t) => t.stems.length === 0);
	const base: Omit<CatalogPage, 'total' | 'results' | 'page' | 'pageCount' | 'clamped'> = {
		q,
		truncated,
		corrections: queryTerms
			.filter((t) => t.corrected && t.stems.length > 0)
			.map((t) => ({ word: t.word, alternatives: t.stems })),
		filters,
		ignored,
		sort,
		pageSize: PAGE_SIZE
	};
	if (nothing) return { ...base, total: 0, results: [], page: 1, pageCount: 1, clamped: asked > 1 };

	const pg = isPostgres(db as never);
	const m = new Matcher(pg, queryTerms, filters);
	const total = await m.count(db, 'all');
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(asked, pageCount);
	let rows: EntryRow[] = [];
	if (total > 0 && sort !== 'relevance')
		rows = await m.rows(db, 'all', sort, PAGE_SIZE, (page - 1) * PAGE_SIZE);
	else if (total > 0) {
		// Relevance in three tiers, each newest first: every query word in the title; every one
		// in the title, abstract or authors; the rest. Each tier is a look-up in the index.
		// Counted only as far as the page needs: page 1 is often all in the first tier.
		let skip = (page - 1) * PAGE_SIZE;
		let before = 0;
		for (const tier of ['title', 'head', 'body'] as const) {
			if (rows.length === PAGE_SIZE) break;
			const size = tier === 'body' ? total - before : await m.count(db, tier);
			before += size;
			if (skip >= size) {
				skip -= size;
				continue;
			}
			rows.push(...(await m.rows(db, tier, 'newest', PAGE_SIZE - rows.length, skip)));
			skip = 0;
		}
	}
	const excerpts = new Map(
		rows.length === 0
			? []
			: (
					await db
						.selectFrom('catalogTexts')
						.select(['publicationId', 'excerpt'])
						.where(
							'publicationId',
							'in',
							rows.map((r) => r.publicationId)
						)
						.execute()
				).map((r) => [r.publicationId, r.excerpt])
	);
	const marked = new Set(queryTerms.flatMap((t) => t.stems));
	return {
		...base,
		total,
		page,
		pageCount,
		clamped: asked > page,
		results: rows.map((row) => ({
			publicationId: row.publicationId,
			code: row.code,
			kind: row.kind as CatalogResult['kind'],
			type: row.type,
			title: row.title,
			authors: row.authors ? row.authors.split('\n') : [],
			language: row.language,
			schoolName: row.schoolName,
			schoolSlug: row.schoolSlug,
			region: row.region,
			groupName: row.groupName,
			year: Number(row.year),
			publishedAt: new Date(row.publishedAt),
			licence: row.licence,
			snippet: snippet(excerpts.get(row.publicationId) ?? '', marked)
		}))
	};
}

interface EntryRow {
	publicationId: string;
	code: string;
	kind: string;
	type: string;
	title: string;
	authors: string;
	language: string;
	schoolName: string;
	schoolSlug: string;
	region: string;
	groupName: string;
	year: number;
	publishedAt: Date | string;
	licence: string;
}

function parseSort(value: string | null | undefined, searching: boolean): CatalogSort {
	if (value && (catalogSorts as readonly string[]).includes(value)) return value as CatalogSort;
	return searching ? 'relevance' : 'newest';
}

/**
 * Each query word's stems: the word's own stem when the catalog has it; otherwise (a typo) the
 * indexed stems within its edit budget that share its first or last two letters. The database
 * only proposes candidates; the distance is decided here, so both databases find the same.
 */
async function resolveTerms(
	db: DB,
	wanted: { word: string; stem: string }[]
): Promise<QueryTerm[]> {
	const known = new Set(
		(
			await db
				.selectFrom('catalogTerms')
				.select('term')
				.where(
					'term',
					'in',
					wanted.map((w) => w.stem)
				)
				.execute()
		).map((r) => r.term)
	);
	const pg = isPostgres(db as never);
	const result: QueryTerm[] = [];
	for (const { word, stem: s } of wanted) {
		if (known.has(s)) {
			result.push({ word, stems: [s], corrected: false });
			continue;
		}
		const budget = typoBudget(s);
		if (budget === 0) {
			result.push({ word, stems: [], corrected: true });
			continue;
		}
		const { head, tail, length } = termKeys(s);
		const near = pg
			? await sql<{ term: string }>`select term from catalog_terms
				where (term like ${head + '%'} or term like ${'%' + tail})
				and length between ${length - budget} and ${length + budget}`.execute(db)
			: await sql<{ term: string }>`select term from catalog_terms
				where head = ${head} and length between ${length - budget} and ${length + budget}
				union select term from catalog_terms
				where tail = ${tail} and length between ${length - budget} and ${length + budget}`.execute(db);
		const stems = near.rows
			.map((r) => r.term)
			.filter((term) => editDistance(s, term, budget) <= budget)
			.sort();
		result.push({ word, stems, corrected: true });
	}
	return result;
}

/** A stem as a quoted FTS5 string / tsquery lexeme (stems are letters and digits only). */
const ftsString = (s: string) => `"${s.replace(/"/g, '""')}"`;
const tsLexeme = (s: string) => `'${s.replace(/['\\]/g, '')}'`;

/** All the matches, or one tier of them (see searchCatalog). */
type Tier = 'title' | 'head' | 'body';
type Part = 'all' | Tier;
const COLUMNS = sql`e.publication_id, e.code, e.kind, e.type, e.title, e.authors, e.language,
	e.school_name, e.school_slug, e.region, e.group_name, e.year, e.published_at, e.licence`;

/** The filters as index terms (search/tags.ts). */
function filterTags(filters: CatalogFilters): string[] {
	const tags: string[] = [];
	if (filters.subject) tags.push(tag('subject', filters.subject));
	if (filters.grade !== undefined) tags.push(tag('grade', filters.grade));
	if (filters.language) tags.push(tag('lang', filters.language));
	if (filters.type) tags.push(tag('type', filters.type));
	if (filters.school) tags.push(tag('school', filters.school.id));
	if (filters.region) tags.push(tag('region', filters.region));
	if (filters.year !== undefined) tags.push(tag('year', filters.year));
	return tags;
}

// The expressions of the GIN indexes (migration 0008), written the same to be used.
const TITLE_VECTOR = sql`catalog_vector(e.title_terms)`;
const HEAD_VECTOR = sql`catalog_vector(e.title_terms || ' ' || e.head_terms)`;

/**
 * The matches of a query with its filters: every query word (in any of its stems) and every
 * filter tag. On SQLite one FTS5 query per part; on PostgreSQL tsquery conditions on the
 * entries' GIN-indexed vectors.
 */
class Matcher {
	private readonly tags: string[];
	private readonly searching: boolean;
	constructor(
		private readonly pg: boolean,
		private readonly queryTerms: QueryTerm[],
		private readonly filters: CatalogFilters
	) {
		this.searching = queryTerms.length > 0;
		this.tags = filterTags(filters);
	}

	/** Whether the index is needed at all (else: every entry). */
	private get narrowed() {
		return this.searching || this.tags.length > 0;
	}

	/** The FTS5 query of a part (SQLite). */
	private fts(part: Part): string {
		const words = this.queryTerms
			.map((t) => `(${t.stems.map(ftsString).join(' OR ')})`)
			.join(' AND ');
		const tags =
			this.tags.length > 0 ? [`{tags} : (${this.tags.map(ftsString).join(' AND ')})`] : [];
		const and = (first: string) => [first, ...tags].join(' AND ');
		if (!this.searching) return tags.join('');
		// The tiers name their columns; a word of the title is also one of the whole.
		if (part === 'title') return and(`{title} : (${words})`);
		if (part === 'head') return `(${and(`{title head} : (${words})`)}) NOT {title} : (${words})`;
		if (part === 'body') return `(${and(`(${words})`)}) NOT {title head} : (${words})`;
		return and(`(${words})`);
	}

	/** The tsquery of the words (PostgreSQL). */
	private tsquery(): string {
		const lexemes = (t: QueryTerm) => `(${t.stems.map(tsLexeme).join(' | ')})`;
		return this.queryTerms.map(lexemes).join(' & ');
	}

	/**
	 * The filters as conditions on the entry's own columns (PostgreSQL). Measured: as index
	 * terms of the words' vectors, a selective filter made the planner walk the newest entries
	 * reading each one's (TOASTed) words — 600 ms for a region and a year over 100,000; on
	 * the columns, the same walk reads a few index pages. Same meaning as the tags (tags.ts).
	 */
	private columns(): RawBuilder<SqlBool>[] {
		const f = this.filters;
		const where: RawBuilder<SqlBool>[] = [];
		if (f.subject)
			where.push(sql<SqlBool>`exists (select 1 from catalog_entry_subjects s
				where s.publication_id = e.publication_id and s.subject_id = ${f.subject})`);
		if (f.grade !== undefined)
			where.push(sql<SqlBool>`exists (select 1 from catalog_entry_grades g
				where g.publication_id = e.publication_id and g.grade = ${f.grade})`);
		if (f.language) where.push(sql<SqlBool>`e.language = ${f.language}`);
		if (f.type) where.push(sql<SqlBool>`e.type = ${f.type}`);
		if (f.school) where.push(sql<SqlBool>`e.school_id = ${f.school.id}`);
		if (f.region) where.push(sql<SqlBool>`e.region = ${f.region}`);
		if (f.year !== undefined) where.push(sql<SqlBool>`e.year = ${f.year}`);
		return where;
	}

	/** The condition on `e` of a part (PostgreSQL). */
	private where(part: Part): RawBuilder<SqlBool> {
		const words = this.tsquery();
		const conditions = this.columns();
		if (this.searching) {
			const inWords = sql<SqlBool>`e.seq in (select w.seq from catalog_words w
				where catalog_vector(w.terms) @@ cast(${words} as tsquery))`;
			const inTitle = sql<SqlBool>`${TITLE_VECTOR} @@ cast(${words} as tsquery)`;
			const inHead = sql<SqlBool>`${HEAD_VECTOR} @@ cast(${words} as tsquery)`;
			// A word of the title is one of the whole.
			if (part === 'all') conditions.unshift(inWords);
			else if (part === 'title') conditions.unshift(inTitle);
			else if (part === 'head') conditions.unshift(inHead, sql<SqlBool>`not ${inTitle}`);
			else conditions.unshift(inWords, sql<SqlBool>`not ${inHead}`);
		}
		if (conditions.length === 0) return sql<SqlBool>`true`;
		return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
	}

	async count(db: DB, part: Part): Promise<number> {
		let query;
		if (!this.narrowed) query = sql<{ n: number }>`select count(*) as n from catalog_entries`;
		else if (!this.pg)
			query = sql<{ n: number }>`select count(*) as n from catalog_fts
				where catalog_fts match ${this.fts(part)}`;
		else if (part === 'all' && this.searching && this.tags.length === 0)
			// The narrow table alone: its pages are few.
			query = sql<{ n: number }>`select count(*) as n from catalog_words w
				where catalog_vector(w.terms) @@ cast(${this.tsquery()} as tsquery)`;
		else
			query = sql<{ n: number }>`select count(*) as n from catalog_entries e
				where ${this.where(part)}`;
		return Number((await query.execute(db)).rows[0]?.n ?? 0);
	}

	async rows(
		db: DB,
		part: Part,
		sort: Exclude<CatalogSort, 'relevance'>,
		limit: number,
		offset: number
	): Promise<EntryRow[]> {
		const orderBy =
			sort === 'oldest'
				? sql`e.seq asc`
				: sort === 'title'
					? this.pg
						? sql`e.title_key collate "C" asc, e.seq asc`
						: sql`e.title_key asc, e.seq asc`
					: sql`e.seq desc`;
		let query;
		if (!this.narrowed)
			query = sql<EntryRow>`select ${COLUMNS} from catalog_entries e
				order by ${orderBy} limit ${limit} offset ${offset}`;
		else if (this.pg)
			query = sql<EntryRow>`select ${COLUMNS} from catalog_entries e where ${this.where(part)}
				order by ${orderBy} limit ${limit} offset ${offset}`;
		else if (sort === 'title')
			query = sql<EntryRow>`select ${COLUMNS} from catalog_entries e
				where e.seq in (select rowid from catalog_fts where catalog_fts match ${this.fts(part)})
				order by ${orderBy} limit ${limit} offset ${offset}`;
		else
			// FTS5 gives its rowids (= seq) in order: the page comes straight from the index.
			query = sql<EntryRow>`select ${COLUMNS} from catalog_entries e
				join (select rowid from catalog_fts where catalog_fts match ${this.fts(part)}
					order by rowid ${sort === 'oldest' ? sql`asc` : sql`desc`}
					limit ${limit} offset ${offset}) m on m.rowid = e.seq
				order by ${orderBy}`;
		return (await query.execute(db)).rows;
	}
}

const SUBJECT_ID = /^[a-z0-9_-]{1,64}$/;
const REGION = /^KG-[A-Z]{1,3}$/;

/** The filters that mean something; the others are named in `ignored`. */
async function readFilters(
	db: DB,
	query: CatalogQuery,
	ignored: CatalogFilterName[]
): Promise<CatalogFilters> {
	const filters: CatalogFilters = {};
	const given = (value: unknown): value is string | number =>
		value !== undefined && value !== null && String(value).trim() !== '';

	if (given(query.subject)) {
		const id = String(query.subject).trim();
		const found =
			SUBJECT_ID.test(id) &&
			(await db.selectFrom('subjects').select('id').where('id', '=', id).executeTakeFirst());
		if (found) filters.subject = id;
		else ignored.push('subject');
	}
	if (given(query.grade)) {
		const grade = Number(query.grade);
		if (Number.isInteger(grade) && grade >= 1 && grade <= 11) filters.grade = grade;
		else ignored.push('grade');
	}
	if (given(query.language)) {
		const language = String(query.language);
		if ((catalogLanguages as readonly string[]).includes(language))
			filters.language = language as CatalogFilters['language'];
		else ignored.push('language');
	}
	if (given(query.type)) {
		const type = String(query.type);
		if ((catalogTypes as readonly string[]).includes(type)) filters.type = type;
		else ignored.push('type');
	}
	if (given(query.school)) {
		const key = String(query.school).trim().slice(0, 100);
		const school = await db
			.selectFrom('schools')
			.select(['id', 'slug', 'name'])
			.where((eb) => eb.or([eb('slug', '=', key), eb('id', '=', key)]))
			.executeTakeFirst();
		if (school)
			filters.school = { id: school.id, slug: school.slug ?? school.id, name: school.name };
		else ignored.push('school');
	}
	if (given(query.region)) {
		const region = String(query.region).trim();
		if (REGION.test(region)) filters.region = region;
		else ignored.push('region');
	}
	if (given(query.year)) {
		const year = Number(query.year);
		if (Number.isInteger(year) && year >= 1991 && year <= 2100) filters.year = year;
		else ignored.push('year');
	}
	return filters;
}
