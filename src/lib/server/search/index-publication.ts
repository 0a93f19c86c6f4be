import { sql } from 'kysely';
import { isPostgres } from '../db/migrations/columns';
import type { DB, MaterialLanguage } from '../db/types';
import { facetsChanged } from './facets';
import { tag } from './tags';
import { normalizeText, termKeys, terms } from './text';

/** What the catalog knows of one publication to interested parties (nothing else is indexed). */
export interface CatalogDocument {
	publicationId: string;
	/** Its permanent address is /p/<code>. */
	code: string;
	kind: 'edition' | 'material' | 'results';
	/** A material type, 'collection' for an edition, 'results' for results. */
	type: string;
	title: string;
	abstract: string;
	/** Plain text; may be long (100 KB): only its stems and its beginning are kept. */
	body: string;
	authors: string[];
	language: MaterialLanguage;
	schoolId: string;
	schoolName: string;
	schoolSlug: string;
	/** ISO 3166-2 code, e.g. KG-GB. */
	region: string;
	groupName: string;
	subjectIds: string[];
	grades: number[];
	year: number;
	publishedAt: Date;
	licence: string;
}

/** Characters of the abstract and body kept for snippets. */
const EXCERPT_LENGTH = 1500;
/** Rows per insert statement (PostgreSQL allows 65,535 parameters, SQLite 32,766). */
const BATCH = 500;
/** seq counts seconds from here. */
const EPOCH = Date.UTC(2020, 0, 1);

/** A publication's place in the order of publishing (before any collision is resolved). */
const seqOf = (publishedAt: Date) => Math.max(1, Math.floor((+publishedAt - EPOCH) / 1000));

function entryRow(doc: CatalogDocument, seq: number) {
	const titleTerms = terms(doc.title);
	const headTerms = terms(`${doc.abstract}\n${doc.authors.join('\n')}`);
	const head = new Set([...titleTerms, ...headTerms]);
	const bodyTerms = terms(doc.body).filter((term) => !head.has(term));
	const all = [...head, ...bodyTerms];
	const tags = [
		...new Set([
			...doc.subjectIds.map((id) => tag('subject', id)),
			...doc.grades.map((grade) => tag('grade', grade)),
			tag('lang', doc.language),
			tag('type', doc.type),
			tag('school', doc.schoolId),
			tag('region', doc.region),
			tag('year', doc.year)
		])
	].join(' ');
	return {
		row: {
			seq,
			publicationId: doc.publicationId,
			code: doc.code,
			kind: doc.kind,
			type: doc.type,
			title: doc.title,
			titleKey: normalizeText(doc.title).trim(),
			authors: doc.authors.join('\n'),
			language: doc.language,
			schoolId: doc.schoolId,
			schoolName: doc.schoolName,
			schoolSlug: doc.schoolSlug,
			region: doc.region,
			groupName: doc.groupName,
			year: doc.year,
			publishedAt: doc.publishedAt,
			licence: doc.licence,
			titleTerms: titleTerms.join(' '),
			headTerms: headTerms.join(' ')
		},
		words: `${all.join(' ')} ${tags}`,
		fts: {
			title: titleTerms.join(' '),
			head: headTerms.join(' '),
			body: bodyTerms.join(' '),
			tags
		},
		excerpt: `${doc.abstract}\n${doc.body}`.slice(0, EXCERPT_LENGTH),
		terms: all
	};
}

/** Puts a publication into the catalog, or replaces what the catalog had of it. */
export async function indexPublication(db: DB, doc: CatalogDocument): Promise<void> {
	await indexPublications(db, [doc]);
}

/**
 * Places in the order of publishing: each publication's second, or the next free one. A
 * publication indexed again keeps its place unless its date changed.
 */
async function allocate(db: DB, docs: CatalogDocument[]): Promise<number[]> {
	const wanted = docs.map((d) => seqOf(d.publishedAt));
	const kept = new Map(
		(
			await db
				.selectFrom('catalogEntries')
				.select(['publicationId', 'seq', 'publishedAt'])
				.where(
					'publicationId',
					'in',
					docs.map((d) => d.publicationId)
				)
				.execute()
		).map((r) => [r.publicationId, r])
	);
	// Which seconds are taken, read where the probing goes: first the wanted ones, then (rarely)
	// a few after a taken one.
	const taken = new Set<number>();
	const checked = new Set<number>(wanted);
	const distinct = [...checked];
	for (let i = 0; i < distinct.length; i += BATCH) {
		const rows = await db
			.selectFrom('catalogEntries')
			.select('seq')
			.where('seq', 'in', distinct.slice(i, i + BATCH))
			.execute();
		for (const r of rows) taken.add(r.seq);
	}
	const free = async (seq: number) => {
		for (; ; seq++) {
			if (!checked.has(seq)) {
				const rows = await db
					.selectFrom('catalogEntries')
					.select('seq')
					.where('seq', '>=', seq)
					.where('seq', '<', seq + 64)
					.execute();
				for (const r of rows) taken.add(r.seq);
				for (let s = seq; s < seq + 64; s++) checked.add(s);
			}
			if (!taken.has(seq)) return seq;
		}
	};
	const seqs: number[] = [];
	for (const [i, doc] of docs.entries()) {
		const before = kept.get(doc.publicationId);
		if (before && +before.publishedAt === +doc.publishedAt) seqs.push(before.seq);
		else {
			const seq = await free(wanted[i]!);
			taken.add(seq);
			seqs.push(seq);
		}
	}
	return seqs;
}
/**
 * Many publications at once (a rebuild, the benchmark's seed): the same as indexPublication
 * for each, in batched statements. Run it in a transaction for speed.
 */
export async function indexPublications(db: DB, docs: CatalogDocument[]): Promise<void> {
	if (docs.length === 0) return;
	const pg = isPostgres(db as never);
	const vocabulary = new Set<string>();
	for (let i = 0; i < docs.length; i += BATCH) {
		const slice = docs.slice(i, i + BATCH);
		const seqs = await allocate(db, slice);
		await removePublications(
			db,
			slice.map((d) => d.publicationId)
		);
		const batch = slice.map((d, k) => entryRow(d, seqs[k]!));
		for (const entry of batch) for (const term of entry.terms) vocabulary.add(term);
		await db
			.insertInto('catalogEntries')
			.values(batch.map((e) => e.row))
			.execute();
		await db
			.insertInto('catalogTexts')
			.values(batch.map((e) => ({ publicationId: e.row.publicationId, excerpt: e.excerpt })))
			.execute();
		const subjects = slice.flatMap((d) =>
			[...new Set(d.subjectIds)].map((subjectId) => ({ publicationId: d.publicationId, subjectId }))
		);
		for (let j = 0; j < subjects.length; j += BATCH)
			await db
				.insertInto('catalogEntrySubjects')
				.values(subjects.slice(j, j + BATCH))
				.execute();
		const grades = slice.flatMap((d) =>
			[...new Set(d.grades)].map((grade) => ({ publicationId: d.publicationId, grade }))
		);
		for (let j = 0; j < grades.length; j += BATCH)
			await db
				.insertInto('catalogEntryGrades')
				.values(grades.slice(j, j + BATCH))
				.execute();
		if (pg)
			await db
				.insertInto('catalogWords')
				.values(batch.map((e) => ({ seq: e.row.seq, terms: e.words })))
				.execute();
		else
			await sql`insert into catalog_fts (rowid, title, head, body, tags) values ${sql.join(
				batch.map(
					(e) => sql`(${e.row.seq}, ${e.fts.title}, ${e.fts.head}, ${e.fts.body}, ${e.fts.tags})`
				)
			)}`.execute(db);
	}
	const words = [...vocabulary];
	for (let i = 0; i < words.length; i += BATCH)
		await db
			.insertInto('catalogTerms')
			.values(words.slice(i, i + BATCH).map((term) => ({ term, ...termKeys(term) })))
			.onConflict((oc) => oc.column('term').doNothing())
			.execute();
}

/** Takes a publication out of the catalog (unpublished, or published to the staff only). */
export async function removePublication(db: DB, publicationId: string): Promise<void> {
	await removePublications(db, [publicationId]);
}

// The vocabulary keeps stems of removed publications: a stem that matches nothing only widens
// a misspelt word's alternatives to one that finds nothing; it shows nowhere.
async function removePublications(db: DB, ids: string[]): Promise<void> {
	facetsChanged();
	for (let i = 0; i < ids.length; i += BATCH) {
		const batch = ids.slice(i, i + BATCH);
		await db.deleteFrom('catalogEntrySubjects').where('publicationId', 'in', batch).execute();
		await db.deleteFrom('catalogEntryGrades').where('publicationId', 'in', batch).execute();
		await db.deleteFrom('catalogTexts').where('publicationId', 'in', batch).execute();
		const gone = sql`(select seq from catalog_entries where publication_id in (${sql.join(batch)}))`;
		if (isPostgres(db as never))
			await sql`delete from catalog_words where seq in ${gone}`.execute(db);
		else await sql`delete from catalog_fts where rowid in ${gone}`.execute(db);
		await db.deleteFrom('catalogEntries').where('publicationId', 'in', batch).execute();
	}
}
