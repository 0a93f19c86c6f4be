import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres } from './columns';

// The public catalog's search index (capability C7): one row per publication to interested
// parties, kept by the search module (src/lib/server/search). The text columns hold stems the
// module made (search/text.ts), so both databases index the same terms; only the index over
// them differs: FTS5 on SQLite, a GIN index over a tsvector on PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);
	const pg = isPostgres(db);

	await db.schema
		.createTable('catalog_entries')
		/**
		 * The order of publishing: seconds since 2020 of published_at, one more when taken (so
		 * a later publication always sorts after). The row's key (SQLite's rowid, the FTS5
		 * rowid), so the newest matches come straight from the index, in order.
		 */
		.addColumn('seq', t.integer, (c) => c.primaryKey())
		/** The publication's id; no foreign key: the index is derived from publications, not kept by them. */
		.addColumn('publication_id', t.id, (c) => c.notNull().unique())
		.addColumn('code', t.text, (c) => c.notNull())
		/** edition | material | results */
		.addColumn('kind', t.text, (c) => c.notNull())
		/** A material type, 'collection' for an edition, 'results' for results. */
		.addColumn('type', t.text, (c) => c.notNull())
		.addColumn('title', t.text, (c) => c.notNull())
		/** The title normalized (search/text.ts): the order of the sort by title, the same on both. */
		.addColumn('title_key', t.text, (c) => c.notNull())
		/** The authors' names, one per line. */
		.addColumn('authors', t.text, (c) => c.notNull())
		.addColumn('language', t.text, (c) => c.notNull())
		.addColumn('school_id', t.id, (c) => c.notNull())
		.addColumn('school_name', t.text, (c) => c.notNull())
		.addColumn('school_slug', t.text, (c) => c.notNull())
		.addColumn('region', t.text, (c) => c.notNull())
		.addColumn('group_name', t.text, (c) => c.notNull())
		.addColumn('year', t.integer, (c) => c.notNull())
		.addColumn('published_at', t.timestamp, (c) => c.notNull())
		.addColumn('licence', t.text, (c) => c.notNull())
		/** Stems of the title, space-separated (ranking: a word in the title comes first). */
		.addColumn('title_terms', t.text, (c) => c.notNull())
		/** Stems of the abstract and the authors (ranking: next after the title). */
		.addColumn('head_terms', t.text, (c) => c.notNull())
		.execute();
	// PostgreSQL's full-text index, on a narrow table of its own: counting thousands of matches
	// then reads few pages. Empty on SQLite, where the FTS5 table holds the same.
	await db.schema
		.createTable('catalog_words')
		.addColumn('seq', t.integer, (c) => c.primaryKey())
		/** Every distinct stem of the publication and its filter tags (search/tags.ts). */
		.addColumn('terms', t.text, (c) => c.notNull())
		.execute();
	// The long text apart, so that a search touching thousands of entries reads small rows.
	await db.schema
		.createTable('catalog_texts')
		.addColumn('publication_id', t.id, (c) => c.primaryKey())
		/** The beginning of the abstract and body, plain text: where snippets are cut from. */
		.addColumn('excerpt', t.text, (c) => c.notNull())
		.execute();
	// The filters, and the sorts by date and title; region with school for the school choices.
	const indexes: Record<string, string[]> = {
		title_key: ['title_key'],
		school: ['school_id', 'seq'],
		region: ['region', 'school_id'],
		year: ['year'],
		type: ['type'],
		language: ['language']
	};
	for (const [name, columns] of Object.entries(indexes))
		await db.schema
			.createIndex(`catalog_entries_${name}_idx`)
			.on('catalog_entries')
			.columns(columns)
			.execute();

	await db.schema
		.createTable('catalog_entry_subjects')
		.addColumn('publication_id', t.id, (c) => c.notNull())
		.addColumn('subject_id', t.text, (c) => c.notNull())
		.addPrimaryKeyConstraint('catalog_entry_subjects_pk', ['subject_id', 'publication_id'])
		.execute();
	await db.schema
		.createIndex('catalog_entry_subjects_publication_idx')
		.on('catalog_entry_subjects')
		.column('publication_id')
		.execute();
	await db.schema
		.createTable('catalog_entry_grades')
		.addColumn('publication_id', t.id, (c) => c.notNull())
		.addColumn('grade', t.integer, (c) => c.notNull())
		.addPrimaryKeyConstraint('catalog_entry_grades_pk', ['grade', 'publication_id'])
		.execute();
	await db.schema
		.createIndex('catalog_entry_grades_publication_idx')
		.on('catalog_entry_grades')
		.column('publication_id')
		.execute();

	// Every stem ever indexed: where a misspelt query word finds its nearest real ones.
	await db.schema
		.createTable('catalog_terms')
		.addColumn('term', t.text, (c) => c.primaryKey())
		/** The first two letters. */
		.addColumn('head', t.text, (c) => c.notNull())
		/** The last two letters. */
		.addColumn('tail', t.text, (c) => c.notNull())
		.addColumn('length', t.integer, (c) => c.notNull())
		.execute();

	if (pg) {
		// pg_trgm lives in public, once per database (test schemas come and go; the extension
		// must not go with one of them). Two migrations racing may both try to create it.
		await sql`
			do $$ begin
				create extension if not exists pg_trgm with schema public;
			exception when unique_violation or duplicate_object then null;
			end $$`.execute(db);
		// Space-separated stems as a tsvector. Declared costly, so that the planner answers a
		// match from the GIN index rather than by building the vector of every row.
		await sql`create function catalog_vector(words text) returns tsvector
			language plpgsql immutable strict parallel safe cost 100
			as $$ begin return array_to_tsvector(array_remove(string_to_array(words, ' '), '')); end $$`.execute(
			db
		);
		// The long word lists live out of line: the table's own pages stay few.
		await sql`alter table catalog_words alter column terms set storage external`.execute(db);
		await sql`alter table catalog_words set (toast_tuple_target = 128)`.execute(db);
		await sql`create index catalog_words_idx on catalog_words
			using gin (catalog_vector(terms))`.execute(db);
		// The title's stems, then with the abstract's and authors': the tiers of relevance.
		await sql`create index catalog_entries_title_idx on catalog_entries
			using gin (catalog_vector(title_terms))`.execute(db);
		await sql`create index catalog_entries_head_idx on catalog_entries
			using gin (catalog_vector(title_terms || ' ' || head_terms))`.execute(db);
		await sql`create index catalog_terms_trgm_idx on catalog_terms
			using gin (term public.gin_trgm_ops)`.execute(db);
	} else {
		// Contentless (the entries keep what is shown); rowid = the entry's seq. Columns: the
		// title's stems, the abstract's and authors', the rest (column filters rank them), and
		// the filter tags (search/tags.ts), so that a search with filters never leaves the index.
		await sql`create virtual table catalog_fts using fts5(
			title, head, body, tags, content='', contentless_delete=1, detail=column,
			tokenize='unicode61 remove_diacritics 0')`.execute(db);
		await db.schema
			.createIndex('catalog_terms_head_idx')
			.on('catalog_terms')
			.columns(['head', 'length'])
			.execute();
		await db.schema
			.createIndex('catalog_terms_tail_idx')
			.on('catalog_terms')
			.columns(['tail', 'length'])
			.execute();
	}
}

export async function down(db: Kysely<unknown>): Promise<void> {
	if (!isPostgres(db)) await sql`drop table catalog_fts`.execute(db);
	await db.schema.dropTable('catalog_terms').execute();
	await db.schema.dropTable('catalog_texts').execute();
	await db.schema.dropTable('catalog_words').execute();
	if (isPostgres(db)) await sql`drop function catalog_vector(text)`.execute(db);
	await db.schema.dropTable('catalog_entry_grades').execute();
	await db.schema.dropTable('catalog_entry_subjects').execute();
	await db.schema.dropTable('catalog_entries').execute();
}
