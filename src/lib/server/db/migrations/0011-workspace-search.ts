import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres } from './columns';

// Search everywhere (C8): one row per searchable thing of a group's work — a material, a
// proposal, a discussion thread or post, a meeting with its minutes, a decision, a member.
// Derived from those tables by the search module (src/lib/server/search/workspace-sync.ts),
// which compares each source row's stamp with the one indexed: no foreign keys, no triggers,
// the domain use cases do not know it exists. As in 0008, the text columns hold stems made
// by search/text.ts, so SQLite (FTS5) and PostgreSQL (tsvector) index the same terms.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);
	const pg = isPostgres(db);

	await db.schema
		.createTable('workspace_entries')
		// The FTS5 rowid on SQLite; never reused (AUTOINCREMENT), so a deleted row's terms
		// cannot be taken for a new one's. (SQLite's "default null" numbers it as well, and
		// makes both dialects read as generated.)
		.addColumn('seq', t.integer, (c) =>
			pg
				? c.primaryKey().generatedByDefaultAsIdentity()
				: c
						.primaryKey()
						.autoIncrement()
						.defaultTo(sql`null`)
		)
		/** material | proposal | thread | post | meeting | decision | member */
		.addColumn('kind', t.text, (c) => c.notNull())
		/** The source row's id (for a member: the user's id). */
		.addColumn('source_id', t.id, (c) => c.notNull())
		.addColumn('group_id', t.id, (c) => c.notNull())
		/** A material's status (its visibility depends on it); empty for other kinds. */
		.addColumn('status', t.text, (c) => c.notNull())
		/** What the result is called: a title, a vote's question, a person's name. */
		.addColumn('title', t.text, (c) => c.notNull())
		/** A proposal's, meeting's or decision's number in its group. */
		.addColumn('number', t.integer)
		/** A meeting's day (YYYY-MM-DD). */
		.addColumn('day', t.text)
		/** The thread of a post, the vote of a decision: the page the result links to. */
		.addColumn('parent_id', t.id)
		/** When the source last changed: the order within a tier of relevance. */
		.addColumn('sort_at', t.timestamp, (c) => c.notNull())
		/** The source row's version as the sync saw it: another value means "index again". */
		.addColumn('stamp', t.text, (c) => c.notNull())
		/** Stems of the title (a match there ranks first). */
		.addColumn('title_terms', t.text, (c) => c.notNull())
		/** Every stem of the thing, the title's included. */
		.addColumn('terms', t.text, (c) => c.notNull())
		/** The beginning of the text, plain: where snippets are cut from. */
		.addColumn('excerpt', t.text, (c) => c.notNull())
		.addUniqueConstraint('workspace_entries_source_key', ['kind', 'source_id', 'group_id'])
		.execute();
	await db.schema
		.createIndex('workspace_entries_group_idx')
		.on('workspace_entries')
		.columns(['group_id', 'kind'])
		.execute();

	// What each group's sources looked like at the last sync, per kind: how many rows and their
	// latest change. A search compares these (one cheap aggregate per kind) and reads stamps
	// only for groups whose sources changed; the sweep compares every stamp.
	await db.schema
		.createTable('workspace_sync')
		.addColumn('group_id', t.id, (c) => c.notNull())
		.addColumn('kind', t.text, (c) => c.notNull())
		/** "<row count>|<latest change in ms>" */
		.addColumn('summary', t.text, (c) => c.notNull())
		.addPrimaryKeyConstraint('workspace_sync_pk', ['group_id', 'kind'])
		.execute();

	// Stems per group: a misspelt word's alternatives come only from groups the person may see
	// (and are then kept only if they find something visible to them).
	await db.schema
		.createTable('workspace_terms')
		.addColumn('group_id', t.id, (c) => c.notNull())
		.addColumn('term', t.text, (c) => c.notNull())
		.addColumn('head', t.text, (c) => c.notNull())
		.addColumn('tail', t.text, (c) => c.notNull())
		.addColumn('length', t.integer, (c) => c.notNull())
		.addPrimaryKeyConstraint('workspace_terms_pk', ['group_id', 'term'])
		.execute();
	await db.schema
		.createIndex('workspace_terms_head_idx')
		.on('workspace_terms')
		.columns(['group_id', 'head', 'length'])
		.execute();
	await db.schema
		.createIndex('workspace_terms_tail_idx')
		.on('workspace_terms')
		.columns(['group_id', 'tail', 'length'])
		.execute();

	if (pg) {
		// catalog_vector (0008): space-separated stems as a tsvector.
		await sql`create index workspace_entries_terms_idx on workspace_entries
			using gin (catalog_vector(terms))`.execute(db);
		await sql`create index workspace_entries_title_idx on workspace_entries
			using gin (catalog_vector(title_terms))`.execute(db);
	} else {
		await sql`create virtual table workspace_fts using fts5(
			title, body, content='', contentless_delete=1, detail=column,
			tokenize='unicode61 remove_diacritics 0')`.execute(db);
	}
}

export async function down(db: Kysely<unknown>): Promise<void> {
	if (!isPostgres(db)) await sql`drop table workspace_fts`.execute(db);
	await db.schema.dropTable('workspace_terms').execute();
	await db.schema.dropTable('workspace_sync').execute();
	await db.schema.dropTable('workspace_entries').execute();
}
