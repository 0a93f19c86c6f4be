import { sql, type Kysely } from 'kysely';
import { onPostgres } from '../db/audit-capture';
import type { Database, DB } from '../db/types';
import { canonicalJson, entryHash, GENESIS_HASH, type ChainedEntry } from './chain';

// The sealer: moves what the triggers captured (audit_pending) into the log, in capture
// order, one transaction per batch: keeps only the fields that changed, tells the entry's
// school and group where the row leads to them, and chains each entry to the one before.
// Run by a periodic job and before the log is read or verified. Entries are sealed by one
// sealer at a time (SQLite: one writer; PostgreSQL: an advisory lock).

const BATCH = 500;
/** Rows inserted per statement (SQLite allows 32766 parameters; 13 columns each). */
const INSERT_CHUNK = 200;
/** A change of these alone is bookkeeping (a save that changed nothing else, a password). */
const noiseAlone = new Set(['updated_at']);

type Row = Record<string, unknown>;
export type Changes = Record<string, [unknown, unknown]>;

function parseRow(value: unknown): Row | null {
	if (value === null || value === undefined) return null;
	return (typeof value === 'string' ? JSON.parse(value) : value) as Row;
}

/** { field: [before, after] } of the fields whose value differs (all set fields of a new or removed row). */
export function diffRows(before: Row | null, after: Row | null): Changes {
	const changes: Changes = {};
	const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
	for (const field of fields) {
		const old = before?.[field] ?? null;
		const now = after?.[field] ?? null;
		if (canonicalJson(old) !== canonicalJson(now)) changes[field] = [old, now];
	}
	return changes;
}

function rowIdOf(row: Row): string {
	if (row.id !== undefined && row.id !== null) return String(row.id);
	const keys = Object.keys(row)
		.filter((k) => k.endsWith('_id') && row[k] !== null)
		.map((k) => String(row[k]));
	return keys.join('/');
}

interface Place {
	schoolId: string | null;
	groupId: string | null;
}

/** Foreign keys of one column to an `id`, table → [column, referenced table], from the schema. */
async function foreignKeys(db: DB, postgres: boolean): Promise<Map<string, [string, string][]>> {
	const raw = db.withoutPlugins();
	const { rows } = postgres
		? await sql<{ table: string; column: string; ref: string }>`
				select cl.relname as "table", a.attname as "column", rf.relname as "ref"
				from pg_constraint c
				join pg_class cl on cl.oid = c.conrelid
				join pg_class rf on rf.oid = c.confrelid
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
				join pg_attribute r on r.attrelid = c.confrelid and r.attnum = c.confkey[1]
				where c.contype = 'f' and array_length(c.conkey, 1) = 1 and r.attname = 'id'
					and cl.relnamespace = current_schema()::regnamespace`.execute(raw)
		: await sql<{ table: string; column: string; ref: string }>`
				select m.name as "table", f."from" as "column", f."table" as "ref"
				from sqlite_master m join pragma_foreign_key_list(m.name) f
				where m.type = 'table' and f."to" = 'id'`.execute(raw);
	const map = new Map<string, [string, string][]>();
	for (const r of rows) map.set(r.table, [...(map.get(r.table) ?? []), [r.column, r.ref]]);
	// Through another thing first (a comment → its material → its group); through a person
	// (an author, a voter) last: a person is of a school, not of a group.
	for (const list of map.values())
		list.sort((a, b) => Number(a[1] === 'users') - Number(b[1] === 'users'));
	return map;
}

class Places {
	private readonly rows = new Map<string, Row | null>();
	constructor(
		private readonly db: DB,
		private readonly fks: Map<string, [string, string][]>
	) {}

	private async row(table: string, id: unknown): Promise<Row | null> {
		const key = `${table}:${String(id)}`;
		if (this.rows.has(key)) return this.rows.get(key) ?? null;
		const { rows } = await sql<Row>`select * from ${sql.table(table)} where id = ${id}`.execute(
			this.db.withoutPlugins()
		);
		const found = rows[0] ?? null;
		this.rows.set(key, found);
		return found;
	}

	async of(table: string, row: Row | null, depth = 0): Promise<Place> {
		const place: Place = { schoolId: null, groupId: null };
		if (!row) return place;
		if (table === 'schools') place.schoolId = String(row.id);
		if (table === 'groups') place.groupId = String(row.id);
		if (typeof row.school_id === 'string') place.schoolId = row.school_id;
		if (typeof row.group_id === 'string') place.groupId = row.group_id;
		if (place.groupId && !place.schoolId) {
			const group = table === 'groups' ? row : await this.row('groups', place.groupId);
			place.schoolId = typeof group?.school_id === 'string' ? group.school_id : null;
		}
		if (place.schoolId || place.groupId || depth >= 4) return place;
		for (const [column, ref] of this.fks.get(table) ?? []) {
			const value = row[column];
			if (value === null || value === undefined || ref === table) continue;
			const found = await this.of(ref, await this.row(ref, value), depth + 1);
			// A person leads to a school, never to a group.
			if (ref === 'users') found.groupId = null;
			if (found.schoolId || found.groupId) return found;
		}
		return place;
	}
}

/** Seals everything pending; returns how many entries were added to the log. */
export async function sealPending(db: DB): Promise<number> {
	let total = 0;
	for (;;) {
		const { read, sealed } = db.isTransaction
			? await sealBatch(db)
			: await (db as Kysely<Database>).transaction().execute((trx) => sealBatch(trx));
		total += sealed;
		if (read < BATCH) return total;
	}
}

async function sealBatch(trx: DB): Promise<{ read: number; sealed: number }> {
	const postgres = onPostgres(trx);
	if (postgres) await sql`select pg_advisory_xact_lock(hashtext('ustat audit seal'))`.execute(trx);
	const pending = await trx
		.selectFrom('auditPending')
		.selectAll()
		.orderBy('id')
		.limit(BATCH)
		.execute();
	if (pending.length === 0) return { read: 0, sealed: 0 };
	const head = await trx
		.selectFrom('auditLog')
		.select(['seq', 'hash'])
		.orderBy('seq', 'desc')
		.limit(1)
		.executeTakeFirst();
	let seq = head?.seq ?? 0;
	let prevHash = head?.hash ?? GENESIS_HASH;
	const places = new Places(trx, await foreignKeys(trx, postgres));
	const entries: (ChainedEntry & { prevHash: string; hash: string })[] = [];
	for (const p of pending) {
		const before = parseRow(p.oldRow);
		const after = parseRow(p.newRow);
		const changes = diffRows(before, after);
		const fields = Object.keys(changes);
		if (p.op === 'update' && fields.every((f) => noiseAlone.has(f))) continue;
		const place = await places.of(p.tableName, after ?? before);
		const entry: ChainedEntry = {
			seq: ++seq,
			// Milliseconds, as stored and read back on both databases.
			changedAt: new Date(p.changedAt.getTime()),
			actorId: p.actorId,
			requestId: p.requestId,
			tableName: p.tableName,
			op: p.op,
			rowId: rowIdOf(after ?? before ?? {}),
			schoolId: place.schoolId,
			groupId: place.groupId,
			changes: canonicalJson(changes)
		};
		const hash = entryHash(prevHash, entry);
		entries.push({ ...entry, prevHash, hash });
		prevHash = hash;
	}
	for (let i = 0; i < entries.length; i += INSERT_CHUNK)
		await trx
			.insertInto('auditLog')
			.values(entries.slice(i, i + INSERT_CHUNK))
			.execute();
	// By id, not "up to the last id": on PostgreSQL a lower id may still be uncommitted.
	const ids = pending.map((p) => p.id);
	for (let i = 0; i < ids.length; i += INSERT_CHUNK)
		await trx
			.deleteFrom('auditPending')
			.where('id', 'in', ids.slice(i, i + INSERT_CHUNK))
			.execute();
	return { read: pending.length, sealed: entries.length };
}
