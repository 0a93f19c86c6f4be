import { sql, type Kysely } from 'kysely';
import { columnTypes } from './columns';

// Practical materials and opinions (capability C3, Regulation §2.2, §3.3, §5.4): materials
// with their authors, subjects and grades, versions after offering, workflow history,
// attachments and inline images (bytes live in the file store, keyed by SHA-256), threaded
// comments, review criteria per group and reviews scored against them.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('materials')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('author_id', t.id, (c) => c.notNull().references('users.id'))
		.addColumn('type', t.text, (c) => c.notNull())
		.addColumn('title', t.text, (c) => c.notNull())
		.addColumn('language', t.text, (c) => c.notNull())
		.addColumn('abstract', t.text, (c) => c.notNull())
		.addColumn('body_html', t.text, (c) => c.notNull())
		/** The body as plain text: word diffs between versions, and search later. */
		.addColumn('body_text', t.text, (c) => c.notNull())
		/** JSON array of strings. */
		.addColumn('tags', t.text, (c) => c.notNull())
		.addColumn('status', t.text, (c) => c.notNull())
		/** 0 while a draft; the current version's number after offering. */
		.addColumn('version_number', t.integer, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.addColumn('offered_at', t.timestamp)
		.execute();
	await db.schema
		.createIndex('materials_group_idx')
		.on('materials')
		.columns(['group_id', 'status'])
		.execute();

	// The author and the co-authors (members of the group): the only people who edit.
	await db.schema
		.createTable('material_authors')
		.addColumn('material_id', t.id, (c) => c.notNull().references('materials.id'))
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
		.addColumn('is_main', t.boolean, (c) => c.notNull())
		.addPrimaryKeyConstraint('material_authors_pk', ['material_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('material_authors_user_idx')
		.on('material_authors')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('material_subjects')
		.addColumn('material_id', t.id, (c) => c.notNull().references('materials.id'))
		.addColumn('subject_id', t.text, (c) => c.notNull().references('subjects.id'))
		.addPrimaryKeyConstraint('material_subjects_pk', ['material_id', 'subject_id'])
		.execute();
	await db.schema
		.createTable('material_grades')
		.addColumn('material_id', t.id, (c) => c.notNull().references('materials.id'))
		.addColumn('grade', t.integer, (c) => c.notNull())
		.addPrimaryKeyConstraint('material_grades_pk', ['material_id', 'grade'])
		.execute();

	await db.schema
		.createTable('material_versions')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('material_id', t.id, (c) => c.notNull().references('materials.id'))
		.addColumn('number', t.integer, (c) => c.notNull())
		.addColumn('author_id', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		/** JSON: the whole material as it was, attachments listed. */
		.addColumn('snapshot', t.text, (c) => c.notNull())
		/** JSON: names of the fields changed since the previous version. */
		.addColumn('changed', t.text, (c) => c.notNull())
		.addUniqueConstraint('material_versions_number_uq', ['material_id', 'number'])
		.execute();

	// Workflow history: offered, review started, revision asked, accepted, archived — who,
	// when, on which version, and the leader's reason (§3.3: decided, not silently changed).
	await db.schema
		.createTable('material_events')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('material_id', t.id, (c) => c.notNull().references('materials.id'))
		.addColumn('kind', t.text, (c) => c.notNull())
		.addColumn('from_status', t.text)
		.addColumn('to_status', t.text)
		.addColumn('version_number', t.integer, (c) => c.notNull())
		.addColumn('actor_id', t.id, (c) => c.references('users.id'))
		.addColumn('reason', t.text)
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('material_events_material_idx')
		.on('material_events')
		.column('material_id')
		.execute();

	await db.schema
		.createTable('material_attachments')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('material_id', t.id, (c) => c.notNull().references('materials.id'))
		.addColumn('blob_key', t.text, (c) => c.notNull())
		.addColumn('name', t.text, (c) => c.notNull())
		.addColumn('mime', t.text, (c) => c.notNull())
		.addColumn('kind', t.text, (c) => c.notNull())
		.addColumn('size', t.integer, (c) => c.notNull())
		.addColumn('has_thumbnail', t.boolean, (c) => c.notNull())
		.addColumn('uploaded_by', t.id, (c) => c.references('users.id'))
		.addColumn('uploaded_at', t.timestamp, (c) => c.notNull())
		/** Removed from the material; the file stays for the versions that listed it. */
		.addColumn('removed_at', t.timestamp)
		.execute();
	await db.schema
		.createIndex('material_attachments_material_idx')
		.on('material_attachments')
		.column('material_id')
		.execute();

	// Pictures inside the body (Word import, pasted): only these keys are served for it.
	await db.schema
		.createTable('material_images')
		.addColumn('material_id', t.id, (c) => c.notNull().references('materials.id'))
		.addColumn('blob_key', t.text, (c) => c.notNull())
		.addColumn('mime', t.text, (c) => c.notNull())
		.addColumn('size', t.integer, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addPrimaryKeyConstraint('material_images_pk', ['material_id', 'blob_key'])
		.execute();

	await db.schema
		.createTable('material_comments')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('material_id', t.id, (c) => c.notNull().references('materials.id'))
		.addColumn('parent_id', t.id, (c) => c.references('material_comments.id'))
		.addColumn('author_id', t.id, (c) => c.notNull().references('users.id'))
		.addColumn('version_number', t.integer, (c) => c.notNull())
		.addColumn('body', t.text, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('material_comments_material_idx')
		.on('material_comments')
		.column('material_id')
		.execute();

	// Criteria the leader sets per group (§5.4). Built-in ones carry a key and are shown in
	// the reader's language until the leader renames them.
	await db.schema
		.createTable('review_criteria')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('position', t.integer, (c) => c.notNull())
		.addColumn('builtin', t.text)
		.addColumn('name', t.text)
		.addColumn('is_active', t.boolean, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('review_criteria_group_idx')
		.on('review_criteria')
		.column('group_id')
		.execute();

	await db.schema
		.createTable('reviews')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('material_id', t.id, (c) => c.notNull().references('materials.id'))
		.addColumn('version_number', t.integer, (c) => c.notNull())
		.addColumn('reviewer_id', t.id, (c) => c.notNull().references('users.id'))
		.addColumn('recommendation', t.text, (c) => c.notNull())
		.addColumn('comment', t.text, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.addUniqueConstraint('reviews_one_per_version_uq', [
			'material_id',
			'version_number',
			'reviewer_id'
		])
		.execute();
	await db.schema.createIndex('reviews_reviewer_idx').on('reviews').column('reviewer_id').execute();

	await db.schema
		.createTable('review_scores')
		.addColumn('review_id', t.id, (c) => c.notNull().references('reviews.id'))
		.addColumn('criterion_id', t.id, (c) => c.notNull().references('review_criteria.id'))
		.addColumn('score', t.integer, (c) => c.notNull())
		.addColumn('comment', t.text, (c) => c.notNull())
		.addPrimaryKeyConstraint('review_scores_pk', ['review_id', 'criterion_id'])
		.execute();

	// The operator extends the subject list (docs/reference.md): one subject per Kyrgyz name.
	await db.schema
		.createIndex('subjects_name_ky_uq')
		.on('subjects')
		.column('name_ky')
		.unique()
		.execute();

	// Groups made before this migration get the default criteria too.
	await sql`
		insert into review_criteria (id, group_id, position, builtin, name, is_active, created_at)
		select g.id || '-' || d.builtin, g.id, d.position, d.builtin, null, ${t.bool(true)}, g.created_at
		from groups g cross join (${sql.raw(defaultsValues())}) as d
	`.execute(db);
}

function defaultsValues(): string {
	return defaultCriteria
		.map((key, i) => `select '${key}' as builtin, ${i + 1} as position`)
		.join(' union all ');
}

// The defaults of §5.4, frozen here as shipped (the domain keeps its own list for new groups).
// A backfilled id is the group's id and the key: deterministic, as SQLite has no UUID function.
const defaultCriteria = [
	'relevance',
	'novelty',
	'practical_value',
	'methodological_quality',
	'age_fit_and_law'
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('subjects_name_ky_uq').execute();
	for (const table of [
		'review_scores',
		'reviews',
		'review_criteria',
		'material_comments',
		'material_images',
		'material_attachments',
		'material_events',
		'material_versions',
		'material_grades',
		'material_subjects',
		'material_authors',
		'materials'
	])
		await db.schema.dropTable(table).execute();
}
