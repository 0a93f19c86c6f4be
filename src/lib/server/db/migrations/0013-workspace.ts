import type { Kysely } from 'kysely';
import { columnTypes } from './columns';

// The workspace (issue 17): people get faces (a square profile photo, resized on upload; the
// key names the stored WebP, the time busts caches), and home remembers each person's last
// visit so it can say what happened in their groups since. A form posted without JavaScript
// is answered with a redirect (a reload never re-posts it); what the action returned waits in
// form_results for the page shown next, a minute at most.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);

	await db.schema.alterTable('users').addColumn('photo_key', t.text).execute();
	await db.schema.alterTable('users').addColumn('photo_updated_at', t.timestamp).execute();

	/** One row a person: when they last opened home, and the visit before that one. */
	await db.schema
		.createTable('home_visits')
		.addColumn('user_id', t.id, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		/** The visit "new since" is measured from (the one before the current). */
		.addColumn('previous_seen_at', t.timestamp)
		.addColumn('seen_at', t.timestamp, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('form_results')
		/** Random, 128 bits: the cookie that carries it is the only way to it. */
		.addColumn('id', t.id, (c) => c.primaryKey())
		/** The page the result is for: shown there only. */
		.addColumn('path', t.text, (c) => c.notNull())
		/** JSON: what the action returned, or the confirmation to show after a redirect. */
		.addColumn('payload', t.text, (c) => c.notNull())
		.addColumn('expires_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('form_results_expires_idx')
		.on('form_results')
		.column('expires_at')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('form_results').execute();
	await db.schema.dropTable('home_visits').execute();
	await db.schema.alterTable('users').dropColumn('photo_updated_at').execute();
	await db.schema.alterTable('users').dropColumn('photo_key').execute();
}
