import { sql, type Kysely } from 'kysely';
import { columnTypes } from './columns';

// Methodological collections (capability C6, Regulation §3.5, §5.3, §6): the leader's
// collections of accepted materials in ordered sections, their numbered editions (frozen
// content and the compiled DOCX and PDF), and the job queue that compiles them in the
// background. A vote may now be about an edition (its approval by the group).
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);

	// Background work, claimed by one worker at a time (UPDATE … RETURNING; SKIP LOCKED on
	// PostgreSQL): no other infrastructure, works across several app instances.
	await db.schema
		.createTable('jobs')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('kind', t.text, (c) => c.notNull())
		/** JSON. */
		.addColumn('payload', t.text, (c) => c.notNull())
		.addColumn('status', t.text, (c) => c.notNull())
		.addColumn('attempts', t.integer, (c) => c.notNull())
		.addColumn('max_attempts', t.integer, (c) => c.notNull())
		.addColumn('run_at', t.timestamp, (c) => c.notNull())
		.addColumn('locked_by', t.text)
		/** Renewed while the job runs; a stale one means its worker died. */
		.addColumn('heartbeat_at', t.timestamp)
		.addColumn('error', t.text)
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('started_at', t.timestamp)
		.addColumn('finished_at', t.timestamp)
		.execute();
	await db.schema.createIndex('jobs_status_idx').on('jobs').columns(['status', 'run_at']).execute();

	await db.schema
		.createTable('collections')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('title', t.text, (c) => c.notNull())
		.addColumn('subtitle', t.text, (c) => c.notNull())
		.addColumn('year', t.integer, (c) => c.notNull())
		/** Language of the documents' fixed texts; the materials keep their own. */
		.addColumn('language', t.text, (c) => c.notNull())
		.addColumn('city', t.text, (c) => c.notNull())
		/** The approval note of the title page's verso; empty: a default wording. */
		.addColumn('approval_note', t.text, (c) => c.notNull())
		.addColumn('preface', t.text, (c) => c.notNull())
		/** JSON array of lines, e.g. "Б. Асанова, п.и.к., доцент". */
		.addColumn('reviewers', t.text, (c) => c.notNull())
		.addColumn('created_by', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('collections_group_idx')
		.on('collections')
		.column('group_id')
		.execute();

	// The leader and the members the leader chose, in the order they are printed.
	await db.schema
		.createTable('collection_editors')
		.addColumn('collection_id', t.id, (c) => c.notNull().references('collections.id'))
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
		.addColumn('position', t.integer, (c) => c.notNull())
		.addPrimaryKeyConstraint('collection_editors_pk', ['collection_id', 'user_id'])
		.execute();

	await db.schema
		.createTable('collection_sections')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('collection_id', t.id, (c) => c.notNull().references('collections.id'))
		.addColumn('position', t.integer, (c) => c.notNull())
		.addColumn('title', t.text, (c) => c.notNull())
		.addColumn('intro', t.text, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('collection_sections_collection_idx')
		.on('collection_sections')
		.columns(['collection_id', 'position'])
		.execute();

	await db.schema
		.createTable('collection_items')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('collection_id', t.id, (c) => c.notNull().references('collections.id'))
		.addColumn('section_id', t.id, (c) => c.notNull().references('collection_sections.id'))
		.addColumn('material_id', t.id, (c) => c.notNull().references('materials.id'))
		.addColumn('position', t.integer, (c) => c.notNull())
		/** The leader's editorial note, printed with the material. */
		.addColumn('note', t.text, (c) => c.notNull())
		// A material appears at most once in a collection.
		.addUniqueConstraint('collection_items_material_uq', ['collection_id', 'material_id'])
		.execute();
	await db.schema
		.createIndex('collection_items_section_idx')
		.on('collection_items')
		.columns(['section_id', 'position'])
		.execute();

	await db.schema
		.createTable('collection_editions')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('collection_id', t.id, (c) => c.notNull().references('collections.id'))
		.addColumn('number', t.integer, (c) => c.notNull())
		/** queued → compiling → done | failed; a failed one may be queued again. */
		.addColumn('status', t.text, (c) => c.notNull())
		.addColumn('progress', t.integer, (c) => c.notNull())
		/** JSON: the frozen content (export/collection/model.ts), made when compiling was asked. */
		.addColumn('model', t.text, (c) => c.notNull())
		.addColumn('item_count', t.integer, (c) => c.notNull())
		.addColumn('job_id', t.id, (c) => c.references('jobs.id'))
		.addColumn('docx_key', t.text)
		.addColumn('docx_size', t.integer)
		.addColumn('pdf_key', t.text)
		.addColumn('pdf_size', t.integer)
		.addColumn('pdf_pages', t.integer)
		.addColumn('docx_ms', t.integer)
		.addColumn('pdf_ms', t.integer)
		/** Pictures left out because their file was missing or could not be decoded. */
		.addColumn('dropped_images', t.integer, (c) => c.notNull().defaultTo(0))
		/** A message key's suffix (render_pdf, render_timeout…) when the compile failed. */
		.addColumn('error_code', t.text)
		.addColumn('requested_by', t.id, (c) => c.references('users.id'))
		.addColumn('requested_at', t.timestamp, (c) => c.notNull())
		.addColumn('started_at', t.timestamp)
		.addColumn('finished_at', t.timestamp)
		.addColumn('approved_by', t.id, (c) => c.references('users.id'))
		.addColumn('approved_at', t.timestamp)
		.addUniqueConstraint('collection_editions_number_uq', ['collection_id', 'number'])
		.execute();
	// One compile of a collection at a time: a second one at the same moment is refused.
	await db.schema
		.createIndex('collection_editions_compiling_uq')
		.on('collection_editions')
		.column('collection_id')
		.unique()
		.where(sql.ref('status'), 'in', sql`('queued', 'compiling')`)
		.execute();

	await db.schema
		.alterTable('votes')
		.addColumn('collection_edition_id', t.id, (c) => c.references('collection_editions.id'))
		.execute();
	await db.schema
		.createIndex('votes_collection_edition_idx')
		.on('votes')
		.column('collection_edition_id')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('votes_collection_edition_idx').execute();
	await db.schema.alterTable('votes').dropColumn('collection_edition_id').execute();
	for (const table of [
		'collection_editions',
		'collection_items',
		'collection_sections',
		'collection_editors',
		'collections',
		'jobs'
	])
		await db.schema.dropTable(table).execute();
}
