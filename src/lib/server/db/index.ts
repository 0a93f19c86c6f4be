import type { Kysely } from 'kysely';
import { config } from '../config.js';
import { openDatabase, type DatabaseHandle, type DialectName } from './connect';
import { migrateToLatest } from './migrate';
import type { Database } from './types';

// The app's one database handle, opened and migrated by the server's `init` hook.
let handle: DatabaseHandle | undefined;

export async function initDatabase(): Promise<DatabaseHandle> {
	if (handle) return handle;
	const cfg = config();
	const opened = openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
	await migrateToLatest(opened);
	handle = opened;
	return handle;
}

export function database(): Kysely<Database> {
	if (!handle) throw new Error('The database is not open: initDatabase() runs at server start');
	return handle.db;
}

export function databaseDialect(): DialectName | undefined {
	return handle?.dialect;
}

export async function closeDatabase(): Promise<void> {
	const closing = handle;
	handle = undefined;
	await closing?.close();
}
