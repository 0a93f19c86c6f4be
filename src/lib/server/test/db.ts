import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { migrateToLatest } from '../db/migrate';

/**
 * A fresh, migrated database for one test file: a temporary SQLite folder, or — when
 * TEST_DATABASE_URL is set — a new schema in that PostgreSQL database. Real engines only.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { destroy(): Promise<void> }> {
	const url = process.env.TEST_DATABASE_URL;
	if (url) {
		const schema = `t_${randomBytes(6).toString('hex')}`;
		await adminQuery(url, `create schema ${schema}`);
		const handle = openDatabase({ databaseUrl: url, dataDir: '', schema, poolSize: 4 });
		await migrateToLatest(handle);
		return {
			...handle,
			destroy: async () => {
				await handle.close();
				await adminQuery(url, `drop schema ${schema} cascade`);
			}
		};
	}
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-test-'));
	const handle = openDatabase({ dataDir });
	await migrateToLatest(handle);
	return {
		...handle,
		destroy: async () => {
			await handle.close();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** One statement on the PostgreSQL server, outside any test schema. */
export async function adminQuery(url: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

export const dialectUnderTest = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';
