import { sql, type Kysely } from 'kysely';
import { columnTypes } from './columns';

// Results made known (capability C7, Regulation §2.2, §3.4, §4.2): the group's work published
// to the school's teaching staff or to interested parties (anyone), each publication at a short
// permanent address. Publishing to the public needs every author's recorded consent; taking a
// publication down leaves a tombstone (title, when, why) at the same address.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);

	// A school's part of public addresses (/s/<slug>); filled for the schools there already.
	await db.schema.alterTable('schools').addColumn('slug', t.text).execute();
	const schools = await sql<{ id: string; name: string }>`select id, name from schools`.execute(db);
	const taken = new Set<string>();
	for (const school of schools.rows) {
		const slug = uniqueSlug(schoolSlug(school.name), taken);
		taken.add(slug);
		await sql`update schools set slug = ${slug} where id = ${school.id}`.execute(db);
	}
	await db.schema.createIndex('schools_slug_uq').on('schools').column('slug').unique().execute();

	await db.schema
		.createTable('publications')
		.addColumn('id', t.id, (c) => c.primaryKey())
		/** The short permanent address /p/<code>: never changes, never reused. */
		.addColumn('code', t.text, (c) => c.notNull().unique())
		.addColumn('school_id', t.id, (c) => c.notNull().references('schools.id'))
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		/** edition | material | results */
		.addColumn('kind', t.text, (c) => c.notNull())
		.addColumn('edition_id', t.id, (c) => c.references('collection_editions.id'))
		.addColumn('material_id', t.id, (c) => c.references('materials.id'))
		/** The material's accepted version that is published. */
		.addColumn('material_version', t.integer)
		/** staff (signed-in staff of the school) | public (anyone) */
		.addColumn('audience', t.text, (c) => c.notNull())
		/** cc_by | cc_by_sa | cc_by_nc | all_rights_reserved */
		.addColumn('licence', t.text, (c) => c.notNull())
		/** awaiting_consent | published | refused | withdrawn | unpublished */
		.addColumn('status', t.text, (c) => c.notNull())
		/** Kept for the tombstone and the lists: the title when it was asked. */
		.addColumn('title', t.text, (c) => c.notNull())
		/** JSON: what is shown (domain/publications/snapshot.ts), frozen when it was asked. */
		.addColumn('snapshot', t.text, (c) => c.notNull())
		.addColumn('language', t.text, (c) => c.notNull())
		.addColumn('year', t.integer, (c) => c.notNull())
		.addColumn('requested_by', t.id, (c) => c.references('users.id'))
		.addColumn('requested_at', t.timestamp, (c) => c.notNull())
		.addColumn('published_at', t.timestamp)
		/** Unpublished, withdrawn or refused: when, by whom and why (the tombstone's text). */
		.addColumn('ended_at', t.timestamp)
		.addColumn('ended_by', t.id, (c) => c.references('users.id'))
		.addColumn('end_reason', t.text)
		.execute();
	await db.schema
		.createIndex('publications_school_idx')
		.on('publications')
		.columns(['school_id', 'status', 'audience'])
		.execute();
	await db.schema
		.createIndex('publications_feed_idx')
		.on('publications')
		.columns(['audience', 'status', 'published_at'])
		.execute();
	await db.schema
		.createIndex('publications_group_idx')
		.on('publications')
		.column('group_id')
		.execute();

	// Every author and co-author of what goes public answers once: consented or refused.
	await db.schema
		.createTable('publication_consents')
		.addColumn('publication_id', t.id, (c) => c.notNull().references('publications.id'))
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
		/** null while asked | consented | refused */
		.addColumn('decision', t.text)
		.addColumn('reason', t.text)
		.addColumn('asked_at', t.timestamp, (c) => c.notNull())
		.addColumn('decided_at', t.timestamp)
		.addPrimaryKeyConstraint('publication_consents_pk', ['publication_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('publication_consents_user_idx')
		.on('publication_consents')
		.column('user_id')
		.execute();

	// A material's own DOCX and PDF, rendered once per version and format and kept in the file
	// store: published versions never change, so neither do their documents.
	await db.schema
		.createTable('material_renders')
		.addColumn('material_id', t.id, (c) => c.notNull().references('materials.id'))
		.addColumn('version_number', t.integer, (c) => c.notNull())
		/** docx | pdf */
		.addColumn('format', t.text, (c) => c.notNull())
		/** Raised when the layout changes, so older renders are made again. */
		.addColumn('renderer', t.integer, (c) => c.notNull())
		.addColumn('blob_key', t.text, (c) => c.notNull())
		.addColumn('size', t.integer, (c) => c.notNull())
		.addColumn('rendered_at', t.timestamp, (c) => c.notNull())
		.addPrimaryKeyConstraint('material_renders_pk', [
			'material_id',
			'version_number',
			'format',
			'renderer'
		])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('material_renders').execute();
	await db.schema.dropTable('publication_consents').execute();
	await db.schema.dropTable('publications').execute();
	await db.schema.dropIndex('schools_slug_uq').execute();
	await db.schema.alterTable('schools').dropColumn('slug').execute();
}

// The migration keeps its own copy: a shipped migration must not change with the domain code.
// prettier-ignore
const LATIN: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	д: 'd',
	е: 'e',
	ё: 'yo',
	ж: 'zh',
	з: 'z',
	и: 'i',
	й: 'y',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	ң: 'ng',
	о: 'o',
	ө: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ү: 'u',
	ф: 'f',
	х: 'h',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'sch',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'yu',
	я: 'ya'
};

function schoolSlug(name: string): string {
	const latin = [...name.toLowerCase()].map((ch) => LATIN[ch] ?? ch).join('');
	const slug = latin
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48)
		.replace(/-+$/, '');
	return slug || 'school';
}

function uniqueSlug(base: string, taken: Set<string>): string {
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
	return slug;
}
