import type { Kysely } from 'kysely';
import { columnTypes } from './columns';

// Trust (issue 16): what a penetration test asked for. Deployment-wide security settings,
// shared-computer sessions, revoked reset links, erased accounts, two-factor sign-in, security
// events (audited like every table, so they reach the audit log), generic sliding-window
// counters for rate limits, and cached previews of Word attachments by content hash.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.alterTable('deployment')
		.addColumn('secret_vote_min_ballots', t.integer, (c) => c.notNull().defaultTo(3))
		.execute();
	await db.schema
		.alterTable('deployment')
		.addColumn('is_two_factor_required', t.boolean, (c) => c.notNull().defaultTo(t.bool(false)))
		.execute();

	await db.schema
		.alterTable('sessions')
		.addColumn('is_shared_computer', t.boolean, (c) => c.notNull().defaultTo(t.bool(false)))
		.execute();

	await db.schema.alterTable('password_resets').addColumn('revoked_at', t.timestamp).execute();
	await db.schema.alterTable('users').addColumn('erased_at', t.timestamp).execute();

	await db.schema
		.createTable('two_factor_secrets')
		.addColumn('user_id', t.id, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		/** The TOTP secret, sealed; the column name keeps it out of the audit log. */
		.addColumn('secret_key_material', t.text, (c) => c.notNull())
		/** Null until the person proves their app shows the right code. */
		.addColumn('confirmed_at', t.timestamp)
		/** The last time step accepted: a code is used once. */
		.addColumn('last_used_step', t.integer)
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('recovery_codes')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('code_hash', t.text, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('used_at', t.timestamp)
		.execute();
	await db.schema
		.createIndex('recovery_codes_user_idx')
		.on('recovery_codes')
		.column('user_id')
		.execute();

	/** A password was right and a second factor is due: the session is made after it. */
	await db.schema
		.createTable('sign_in_challenges')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('is_shared_computer', t.boolean, (c) => c.notNull().defaultTo(t.bool(false)))
		.addColumn('ip', t.text)
		.addColumn('user_agent', t.text)
		.addColumn('attempts', t.integer, (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('expires_at', t.timestamp, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('security_events')
		.addColumn('id', t.id, (c) => c.primaryKey())
		/** sign_in | sign_in_failed | locked_out | reset_issued | reset_used | role_changed | … */
		.addColumn('kind', t.text, (c) => c.notNull())
		/** Whom it concerns (no foreign key: the record outlives the account's details). */
		.addColumn('user_id', t.id)
		/** Who did it, when not the person themselves. */
		.addColumn('actor_id', t.id)
		.addColumn('school_id', t.id)
		.addColumn('ip', t.text)
		/** JSON with what else the kind needs (a role before and after, a vote's id…). */
		.addColumn('detail', t.text)
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	for (const [name, columns] of [
		['security_events_user_idx', ['user_id', 'created_at']],
		['security_events_school_idx', ['school_id', 'created_at']],
		['security_events_kind_idx', ['kind', 'created_at']]
	] as const)
		await db.schema
			.createIndex(name)
			.on('security_events')
			.columns([...columns])
			.execute();

	/** Sliding-window counters: one row per counted act under a key such as "import:user:…". */
	await db.schema
		.createTable('rate_events')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('key', t.text, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('rate_events_key_idx')
		.on('rate_events')
		.columns(['key', 'created_at'])
		.execute();

	/** A Word attachment's preview, converted once per file content (SHA-256). */
	await db.schema
		.createTable('document_previews')
		.addColumn('content_hash', t.text, (c) => c.primaryKey())
		/** Sanitized HTML with pictures inline; null when the file could not be converted. */
		.addColumn('html', t.text)
		/** JSON list of import warnings, or the reason the conversion was refused. */
		.addColumn('warnings', t.text, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('last_used_at', t.timestamp, (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'document_previews',
		'rate_events',
		'security_events',
		'sign_in_challenges',
		'recovery_codes',
		'two_factor_secrets'
	])
		await db.schema.dropTable(table).execute();
	await db.schema.alterTable('users').dropColumn('erased_at').execute();
	await db.schema.alterTable('password_resets').dropColumn('revoked_at').execute();
	await db.schema.alterTable('sessions').dropColumn('is_shared_computer').execute();
	for (const column of ['is_two_factor_required', 'secret_vote_min_ballots'])
		await db.schema.alterTable('deployment').dropColumn(column).execute();
}
