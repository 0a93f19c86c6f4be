import { AsyncLocalStorage } from 'node:async_hooks';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database, DB } from './types';
import type pg from 'pg';

// The audit log's capture (src/lib/server/audit reads and seals it): "every change" is held
// by the database, not by each use case remembering to call something. Every audited table
// has AFTER INSERT/UPDATE/DELETE triggers, generated here from the live schema after each
// migration, that copy the changed row (old and new, sensitive columns left out) into
// audit_pending with who did it and the request. Who: the audit context below, which
// hooks.server.ts sets around each request and the job runner around each job. SQLite reads
// it through a function registered on the connection (better-sqlite3 runs synchronously in
// the caller's async context); PostgreSQL through session settings that connect.ts sets on a
// connection when the context differs from the one it last had.

export interface AuditContext {
	/** The request's id (x-request-id), or 'job:<kind>:<job id>'. */
	requestId: string;
	/** Read when a change is made: a request learns who is signed in after it began. */
	actorId: () => string | null;
}

const storage = new AsyncLocalStorage<AuditContext>();

export function withAuditContext<T>(context: AuditContext, work: () => T): T {
	return storage.run(context, work);
}

export function currentAuditActor(): string | null {
	return storage.getStore()?.actorId() ?? null;
}

export function currentAuditRequest(): string | null {
	return storage.getStore()?.requestId ?? null;
}

/**
 * Tables left out of the log, and why. Everything else is audited, including tables that
 * later migrations add.
 */
export const unauditedTables: Record<string, string> = {
	audit_pending: 'the capture itself',
	audit_log: 'the log itself',
	ballots: 'a ballot is secret: who chose what never leaves the ballot box',
	sessions: 'session tokens, renewed on every request',
	jobs: 'queue bookkeeping, rewritten on every attempt',
	notifications: 'derived from the audited change that caused them; read marks are noise',
	deliveries: 'mail and Telegram delivery bookkeeping',
	mail_throttle: 'rate-limit counters',
	login_failures: 'rate-limit counters (the sign-in attempts are in the request log)',
	telegram_cursor: "the bot's polling offset",
	material_renders: 'cached renders, derived from material versions',
	rate_events: 'rate-limit counters',
	document_previews: 'cached previews, derived from stored files',
	sign_in_challenges: 'a pending second factor: a secret, gone within minutes',
	home_visits: 'when a person last opened home: read marks are noise',
	form_results: "a form's result kept a minute for the page shown after the post"
};

/** Derived search indexes: rebuilt from audited tables. */
const unauditedPrefixes = ['catalog_', 'search_', 'workspace_', 'kysely_'];

export function isAudited(table: string): boolean {
	return (
		!(table in unauditedTables) &&
		!unauditedPrefixes.some((prefix) => table.startsWith(prefix)) &&
		!table.startsWith('sqlite_')
	);
}

/**
 * Columns that never enter the log: password and token hashes (a hash of a short secret can
 * be brute-forced), one-time codes, sealed ballots and their keys, a Telegram chat id.
 */
export function isSensitiveColumn(column: string): boolean {
	return (
		column.endsWith('_hash') ||
		column.includes('password') ||
		column.includes('token') ||
		column.startsWith('seal') ||
		column.endsWith('_key_material') ||
		column === 'ballot_key' ||
		column === 'chat_id'
	);
}

// --- SQLite ---------------------------------------------------------------------------------

/** The functions the SQLite triggers call; registered on every connection (connect.ts). */
export function registerSqliteAuditFunctions(sqlite: {
	function(name: string, options: { deterministic: boolean }, fn: () => unknown): unknown;
}): void {
	sqlite.function('ustat_audit_actor', { deterministic: false }, () => currentAuditActor());
	sqlite.function('ustat_audit_request', { deterministic: false }, () => currentAuditRequest());
}

// --- PostgreSQL -----------------------------------------------------------------------------

const contextKey = Symbol('ustat audit context');
type TaggedClient = pg.PoolClient & { [contextKey]?: string };

/**
 * The pool Kysely uses, with each connection told the current audit context before it runs
 * anything: only when the context differs from what the connection last had (once per
 * request and connection). A transaction holds one connection, acquired in the caller's
 * context, so the whole transaction carries it.
 */
export function auditedPool(pool: pg.Pool): pg.Pool {
	const connect = async (): Promise<pg.PoolClient> => {
		const client = (await pool.connect()) as TaggedClient;
		const actor = currentAuditActor() ?? '';
		const request = currentAuditRequest() ?? '';
		const key = `${actor}\n${request}`;
		if (client[contextKey] !== key) {
			try {
				await client.query(
					"select set_config('ustat.actor', $1, false), set_config('ustat.request', $2, false)",
					[actor, request]
				);
			} catch (error) {
				client.release(error as Error);
				throw error;
			}
			client[contextKey] = key;
		}
		return client;
	};
	return new Proxy(pool, {
		get(target, property, receiver) {
			if (property === 'connect') return connect;
			const value: unknown = Reflect.get(target, property, receiver);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

/** Whether the database (or transaction) is PostgreSQL. */
export const onPostgres = (db: DB): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

// --- Triggers -------------------------------------------------------------------------------

interface LiveTable {
	name: string;
	columns: string[];
}

async function liveTables(db: DB, postgres: boolean): Promise<LiveTable[]> {
	const raw = db.withoutPlugins();
	const { rows } = postgres
		? await sql<{ table: string; column: string }>`
				select c.table_name as "table", c.column_name as "column"
				from information_schema.columns c
				join information_schema.tables t
					on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
				order by c.table_name, c.ordinal_position`.execute(raw)
		: // Ordinary tables only: virtual tables (full-text indexes) and their shadow tables are
			// derived data, and SQLite allows no triggers on virtual tables.
			await sql<{ table: string; column: string }>`
				select m.name as "table", p.name as "column"
				from sqlite_master m join pragma_table_info(m.name) p
				join pragma_table_list l on l.schema = 'main' and l.name = m.name
				where m.type = 'table' and l.type = 'table' and m.sql not like 'create virtual%'
					and not exists (
						select 1 from sqlite_master v
						where v.type = 'table' and v.sql like 'create virtual%'
							and m.name like v.name || '\\_%' escape '\\')
				order by m.name, p.cid`.execute(raw);
	const tables = new Map<string, string[]>();
	for (const row of rows) {
		if (!isAudited(row.table)) continue;
		tables.set(row.table, [...(tables.get(row.table) ?? []), row.column]);
	}
	return [...tables].map(([name, columns]) => ({ name, columns }));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Names of the capture triggers present now. */
async function presentTriggers(db: DB, postgres: boolean): Promise<Set<string>> {
	const raw = db.withoutPlugins();
	const { rows } = postgres
		? await sql<{ name: string }>`
				select t.tgname as "name" from pg_trigger t join pg_class c on c.oid = t.tgrelid
				where c.relnamespace = current_schema()::regnamespace and t.tgname like 'audit\\_capture\\_%'`.execute(
				raw
			)
		: await sql<{
				name: string;
			}>`select name from sqlite_master where type = 'trigger' and name like 'audit\\_capture\\_%' escape '\\'`.execute(
				raw
			);
	return new Set(rows.map((r) => r.name));
}

/** Drops every capture trigger (before migrations change the tables under them). */
export async function dropAuditTriggers(db: DB, postgres: boolean): Promise<void> {
	const raw = db.withoutPlugins();
	if (postgres) {
		const { rows } = await sql<{ name: string; table: string }>`
			select t.tgname as "name", c.relname as "table" from pg_trigger t
			join pg_class c on c.oid = t.tgrelid
			where c.relnamespace = current_schema()::regnamespace and t.tgname like 'audit\\_capture\\_%'`.execute(
			raw
		);
		for (const row of rows)
			await sql
				.raw(`drop trigger if exists ${quote(row.name)} on ${quote(row.table)}`)
				.execute(raw);
		return;
	}
	for (const name of await presentTriggers(db, false))
		await sql.raw(`drop trigger if exists ${quote(name)}`).execute(raw);
}

const triggerName = (table: string) => `audit_capture_${table}`;

/** The append-only guards on audit_log (made by migration 0010, made again when dropped). */
const guards = {
	postgres: {
		audit_log_guard: `create trigger audit_log_guard before update or delete on audit_log
			for each row execute function audit_log_refuse()`,
		audit_log_guard_truncate: `create trigger audit_log_guard_truncate before truncate on audit_log
			for each statement execute function audit_log_refuse()`
	},
	sqlite: {
		audit_log_no_update: `create trigger audit_log_no_update before update on audit_log
			begin select raise(abort, 'audit_log is append-only'); end`,
		audit_log_no_delete: `create trigger audit_log_no_delete before delete on audit_log
			begin select raise(abort, 'audit_log is append-only'); end`
	}
};

async function presentGuards(db: DB, postgres: boolean): Promise<Set<string>> {
	const raw = db.withoutPlugins();
	const { rows } = postgres
		? await sql<{ name: string }>`
				select t.tgname as "name" from pg_trigger t join pg_class c on c.oid = t.tgrelid
				where c.relnamespace = current_schema()::regnamespace and c.relname = 'audit_log'`.execute(raw)
		: await sql<{ name: string }>`
				select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'`.execute(raw);
	return new Set(rows.map((r) => r.name));
}

/**
 * Whether some audited table lacks its capture trigger (a fresh database, a new table) or
 * a guard of the log was dropped (the chain still shows any edit made meanwhile).
 */
export async function auditTriggersMissing(db: DB, postgres: boolean) {
	const guarded = await presentGuards(db, postgres);
	if (Object.keys(guards[postgres ? 'postgres' : 'sqlite']).some((g) => !guarded.has(g)))
		return true;
	const present = await presentTriggers(db, postgres);
	const tables = await liveTables(db, postgres);
	if (postgres) return tables.some((t) => !present.has(triggerName(t.name)));
	return tables.some((t) => !present.has(`${triggerName(t.name)}_i`));
}

/**
 * (Re)creates the capture triggers of every audited table from the live schema, so tables
 * and columns that later migrations add are covered.
 */
export async function installAuditTriggers(db: Kysely<Database>, postgres: boolean): Promise<void> {
	// One transaction: faster on SQLite, and on PostgreSQL two instances starting at once
	// take turns (the lock) instead of dropping each other's triggers.
	await db.transaction().execute(async (trx) => {
		if (postgres)
			await sql`select pg_advisory_xact_lock(hashtext('ustat audit triggers'))`.execute(trx);
		await createTriggers(trx, postgres);
	});
}

async function createTriggers(db: DB, postgres: boolean): Promise<void> {
	await dropAuditTriggers(db, postgres);
	const raw = db.withoutPlugins();
	const guarded = await presentGuards(db, postgres);
	for (const [name, create] of Object.entries(guards[postgres ? 'postgres' : 'sqlite']))
		if (!guarded.has(name)) await sql.raw(create).execute(raw);
	for (const table of await liveTables(db, postgres)) {
		const kept = table.columns.filter((c) => !isSensitiveColumn(c));
		const left = table.columns.filter((c) => isSensitiveColumn(c));
		if (postgres) {
			const args = left.map(literal).join(', ');
			await sql
				.raw(
					`create trigger ${quote(triggerName(table.name))} after insert or update or delete on ${quote(table.name)} for each row execute function audit_capture(${args})`
				)
				.execute(raw);
			continue;
		}
		const row = (which: 'new' | 'old') =>
			`json_object(${kept.map((c) => `${literal(c)}, ${which}.${quote(c)}`).join(', ')})`;
		const insert = (op: string, oldRow: string, newRow: string) =>
			`insert into audit_pending (table_name, op, old_row, new_row, actor_id, request_id, changed_at)
			values (${literal(table.name)}, '${op}', ${oldRow}, ${newRow}, ustat_audit_actor(),
				ustat_audit_request(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));`;
		const name = triggerName(table.name);
		const on = quote(table.name);
		await sql
			.raw(
				`create trigger ${quote(`${name}_i`)} after insert on ${on} begin ${insert('insert', 'null', row('new'))} end`
			)
			.execute(raw);
		// An UPDATE that changed no kept column (a password, or nothing) leaves no trace.
		const changed = kept.map((c) => `old.${quote(c)} is not new.${quote(c)}`).join(' or ');
		await sql
			.raw(
				`create trigger ${quote(`${name}_u`)} after update on ${on} when ${changed || '0'} begin ${insert('update', row('old'), row('new'))} end`
			)
			.execute(raw);
		await sql
			.raw(
				`create trigger ${quote(`${name}_d`)} after delete on ${on} begin ${insert('delete', row('old'), 'null')} end`
			)
			.execute(raw);
	}
}

/** The audited tables, as their capture triggers name them (the log page's "what" filter). */
export async function auditedTableNames(db: DB, postgres: boolean): Promise<string[]> {
	const names = [...(await presentTriggers(db, postgres))].map((name) =>
		name.replace(/^audit_capture_/, '').replace(/_[iud]$/, (suffix) => (postgres ? suffix : ''))
	);
	return [...new Set(names)].sort();
}
