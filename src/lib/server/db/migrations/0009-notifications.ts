import type { Kysely } from 'kysely';
import { columnTypes } from './columns';

// Nobody misses their turn (capability C8): what happened in a group becomes a notification
// for each person it concerns (src/lib/server/notify), read in the app and delivered by email
// or Telegram as each person chose; a private calendar feed per person.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);

	// A job that must exist once (a periodic sweep's slot, a digest): enqueued with a key,
	// and a second enqueue with the same key does nothing.
	await db.schema.alterTable('jobs').addColumn('key', t.text).execute();
	await db.schema.createIndex('jobs_key_uq').on('jobs').column('key').unique().execute();

	await db.schema
		.createTable('notifications')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
		/** notify/kinds.ts: 'vote.opened', 'material.offered', … */
		.addColumn('kind', t.text, (c) => c.notNull())
		/** The event this came from: one notification per person and event, however often told. */
		.addColumn('event_key', t.text, (c) => c.notNull())
		.addColumn('school_id', t.id, (c) => c.references('schools.id'))
		.addColumn('group_id', t.id, (c) => c.references('groups.id'))
		/** Who did it (null: the system, a deadline). */
		.addColumn('actor_id', t.id, (c) => c.references('users.id'))
		/** The thing's name when it happened (the vote's question, the material's title). */
		.addColumn('subject', t.text, (c) => c.notNull())
		/** The app path it links to. */
		.addColumn('link', t.text, (c) => c.notNull())
		/** JSON: more named values for the text (a date, a decision). */
		.addColumn('params', t.text, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('read_at', t.timestamp)
		/** How email was chosen for it when it was made: instant | daily | weekly | off */
		.addColumn('email', t.text, (c) => c.notNull())
		/** Sent (alone or in a digest), or given up: nothing more to do by email. */
		.addColumn('emailed_at', t.timestamp)
		/** Telegram was chosen for it and the person's account is linked. */
		.addColumn('has_telegram', t.boolean, (c) => c.notNull())
		.addColumn('telegrammed_at', t.timestamp)
		.execute();
	await db.schema
		.createIndex('notifications_event_uq')
		.on('notifications')
		.columns(['user_id', 'event_key'])
		.unique()
		.execute();
	await db.schema
		.createIndex('notifications_inbox_idx')
		.on('notifications')
		.columns(['user_id', 'read_at', 'created_at'])
		.execute();
	await db.schema
		.createIndex('notifications_event_idx')
		.on('notifications')
		.column('event_key')
		.execute();
	await db.schema
		.createIndex('notifications_email_idx')
		.on('notifications')
		.columns(['email', 'emailed_at'])
		.execute();

	// Only the choices that differ from the defaults (notify/kinds.ts).
	await db.schema
		.createTable('notification_preferences')
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
		.addColumn('kind', t.text, (c) => c.notNull())
		/** instant | daily | weekly | off */
		.addColumn('email', t.text, (c) => c.notNull())
		.addColumn('has_telegram', t.boolean, (c) => c.notNull())
		.addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
		.execute();

	// What was sent, once: a job run again after a crash finds its mail already here.
	await db.schema
		.createTable('deliveries')
		.addColumn('id', t.id, (c) => c.primaryKey())
		/** email | telegram */
		.addColumn('channel', t.text, (c) => c.notNull())
		/** 'notification:<id>', 'digest:daily:<user>:<day>', … */
		.addColumn('key', t.text, (c) => c.notNull())
		.addColumn('user_id', t.id, (c) => c.references('users.id'))
		/** sending | sent | failed */
		.addColumn('status', t.text, (c) => c.notNull())
		.addColumn('attempts', t.integer, (c) => c.notNull())
		.addColumn('error', t.text)
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('sent_at', t.timestamp)
		.execute();
	await db.schema
		.createIndex('deliveries_key_uq')
		.on('deliveries')
		.columns(['channel', 'key'])
		.unique()
		.execute();

	// Mail anyone can make the app send (invitations, password resets): counted per address.
	await db.schema
		.createTable('mail_throttle')
		.addColumn('id', t.id, (c) => c.primaryKey())
		/** invitation | reset | forgot */
		.addColumn('purpose', t.text, (c) => c.notNull())
		/** The address, lower-cased. */
		.addColumn('recipient', t.text, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('mail_throttle_idx')
		.on('mail_throttle')
		.columns(['recipient', 'purpose', 'created_at'])
		.execute();

	await db.schema
		.createTable('telegram_links')
		.addColumn('user_id', t.id, (c) => c.primaryKey().references('users.id'))
		/** Set once the person sent the code to the bot. */
		.addColumn('chat_id', t.text)
		/** SHA-256 of the one-time code shown in the settings, until it is used or expires. */
		.addColumn('code_hash', t.text)
		.addColumn('code_expires_at', t.timestamp)
		.addColumn('linked_at', t.timestamp)
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('telegram_links_code_uq')
		.on('telegram_links')
		.column('code_hash')
		.unique()
		.execute();
	// Where reading the bot's updates left off (getUpdates offset).
	await db.schema
		.createTable('telegram_cursor')
		.addColumn('bot', t.text, (c) => c.primaryKey())
		.addColumn('next_update_id', t.integer, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('calendar_feeds')
		.addColumn('user_id', t.id, (c) => c.primaryKey().references('users.id'))
		/** SHA-256 of the secret in the feed's address; a new address replaces it. */
		.addColumn('token_hash', t.text, (c) => c.notNull().unique())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();

	// A meeting called off: kept (its number stays taken, the members were told), marked.
	await db.schema.alterTable('meetings').addColumn('cancelled_at', t.timestamp).execute();
	await db.schema
		.alterTable('meetings')
		.addColumn('cancelled_by', t.id, (c) => c.references('users.id'))
		.execute();
	await db.schema.alterTable('meetings').addColumn('cancel_reason', t.text).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const column of ['cancel_reason', 'cancelled_by', 'cancelled_at'])
		await db.schema.alterTable('meetings').dropColumn(column).execute();
	for (const table of [
		'calendar_feeds',
		'telegram_cursor',
		'telegram_links',
		'mail_throttle',
		'deliveries',
		'notification_preferences',
		'notifications'
	])
		await db.schema.dropTable(table).execute();
	await db.schema.dropIndex('jobs_key_uq').execute();
	await db.schema.alterTable('jobs').dropColumn('key').execute();
}
