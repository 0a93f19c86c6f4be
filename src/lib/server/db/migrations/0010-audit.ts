import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres } from './columns';

// The audit log (capability C8): every change, who made it, in which request, before and
// after. Triggers on every audited table (generated after migrating: ../audit-capture.ts)
// copy each changed row into audit_pending; the sealer (src/lib/server/audit/seal.ts) moves
// them into audit_log in order, keeping only the fields that changed and chaining each
// entry to the one before it by SHA-256, so an edited, removed or inserted entry shows.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);
	const pg = isPostgres(db);
	// int8 on PostgreSQL (read back as a number by connect.ts); SQLite's integer is 64-bit.
	const big = pg ? 'bigint' : 'integer';

	await db.schema
		.createTable('audit_pending')
		// SQLite: the rowid. PostgreSQL: the trigger takes it from audit_pending_seq. No column
		// default, so both dialects type it alike (schema-gen.ts).
		.addColumn('id', big, (c) => c.primaryKey())
		.addColumn('table_name', t.text, (c) => c.notNull())
		/** insert | update | delete */
		.addColumn('op', t.text, (c) => c.notNull())
		/** JSON of the row before (update, delete) and after (insert, update). */
		.addColumn('old_row', t.text)
		.addColumn('new_row', t.text)
		.addColumn('actor_id', t.id)
		.addColumn('request_id', t.text)
		.addColumn('changed_at', t.timestamp, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('audit_log')
		/** 1, 2, 3… without gaps: a removed entry shows as a gap. */
		.addColumn('seq', big, (c) => c.primaryKey())
		.addColumn('changed_at', t.timestamp, (c) => c.notNull())
		/** Who (no foreign key: the log outlives what it tells about). Null: the system. */
		.addColumn('actor_id', t.id)
		/** The request's id (x-request-id), or 'job:<kind>:<job id>'. */
		.addColumn('request_id', t.text)
		.addColumn('table_name', t.text, (c) => c.notNull())
		/** insert | update | delete */
		.addColumn('op', t.text, (c) => c.notNull())
		/** The row's id (its key columns joined by '/' when it has no id). */
		.addColumn('row_id', t.text, (c) => c.notNull())
		/** Where it belongs, when it can be told: who may read the entry. */
		.addColumn('school_id', t.id)
		.addColumn('group_id', t.id)
		/** Canonical JSON { field: [before, after] } of the fields that changed (text: hashed as stored). */
		.addColumn('changes', t.text, (c) => c.notNull())
		.addColumn('prev_hash', t.text, (c) => c.notNull())
		/** SHA-256 (hex) of prev_hash + the entry's canonical JSON (audit/chain.ts). */
		.addColumn('hash', t.text, (c) => c.notNull())
		.execute();
	for (const [name, columns] of [
		['audit_log_school_idx', ['school_id', 'seq']],
		['audit_log_group_idx', ['group_id', 'seq']],
		['audit_log_actor_idx', ['actor_id', 'seq']],
		['audit_log_time_idx', ['changed_at']]
	] as const)
		await db.schema
			.createIndex(name)
			.on('audit_log')
			.columns([...columns])
			.execute();

	// Append-only: the database refuses to change or remove an entry.
	if (pg) {
		await sql`create sequence audit_pending_seq`.execute(db);
		await sql`create function audit_log_refuse() returns trigger language plpgsql as $$
			begin raise exception 'audit_log is append-only'; end $$`.execute(db);
		await sql`create trigger audit_log_guard before update or delete on audit_log
			for each row execute function audit_log_refuse()`.execute(db);
		await sql`create trigger audit_log_guard_truncate before truncate on audit_log
			for each statement execute function audit_log_refuse()`.execute(db);
		// The capture, shared by every audited table's trigger; its arguments name the
		// columns left out (audit-capture.ts). An update that changed no kept column is skipped.
		await sql`create function audit_capture() returns trigger language plpgsql as $$
			declare
				old_row jsonb;
				new_row jsonb;
			begin
				if tg_op <> 'INSERT' then old_row := to_jsonb(old) - coalesce(tg_argv, '{}'); end if;
				if tg_op <> 'DELETE' then new_row := to_jsonb(new) - coalesce(tg_argv, '{}'); end if;
				if tg_op = 'UPDATE' and old_row = new_row then return null; end if;
				insert into audit_pending
					(id, table_name, op, old_row, new_row, actor_id, request_id, changed_at)
				values (nextval('audit_pending_seq'), tg_table_name, lower(tg_op), old_row::text, new_row::text,
					nullif(current_setting('ustat.actor', true), ''),
					nullif(current_setting('ustat.request', true), ''), clock_timestamp());
				return null;
			end $$`.execute(db);
	} else {
		await sql`create trigger audit_log_no_update before update on audit_log
			begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
		await sql`create trigger audit_log_no_delete before delete on audit_log
			begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
	}
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('audit_log').execute();
	await db.schema.dropTable('audit_pending').execute();
	if (isPostgres(db)) {
		await sql`drop function audit_capture() cascade`.execute(db);
		await sql`drop function audit_log_refuse()`.execute(db);
		await sql`drop sequence audit_pending_seq`.execute(db);
	}
}
