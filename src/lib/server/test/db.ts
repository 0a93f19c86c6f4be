import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, sqliteFileName, type DatabaseHandle } from '../db/connect';
import { migrateToLatest } from '../db/migrate';

/**
 * The run's template: a database migrated once by global-setup.ts, which test databases are
 * copied from instead of running all the migrations again (1.5–2.5 s each time): on SQLite
 * every test file's and test server's database (a file copy), on PostgreSQL every test
 * server's database (CREATE DATABASE … TEMPLATE: a server's database was created anyway). Named by USTAT_TEST_TEMPLATE, which the workers
 * inherit: on SQLite a folder holding the migrated file, on PostgreSQL a database name.
 */
const templateVariable = 'USTAT_TEST_TEMPLATE';

/** Makes the run's template (global-setup.ts); returns what removes it. */
export async function makeTemplate(): Promise<() => Promise<void>> {
	const url = process.env.TEST_DATABASE_URL;
	if (url) {
		const name = `ustat_tpl_${randomBytes(5).toString('hex')}`;
		await adminQuery(url, `create database ${name}`);
		const handle = openDatabase({ databaseUrl: databaseUrlOf(url, name), dataDir: '' });
		try {
			await migrateToLatest(handle);
		} finally {
			await handle.close(); // no session may stay on a template while it is copied
		}
		process.env[templateVariable] = name;
		return () => adminQuery(url, `drop database if exists ${name} with (force)`);
	}
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-template-'));
	const handle = openDatabase({ dataDir });
	try {
		await migrateToLatest(handle);
	} finally {
		// The last connection's close checkpoints the WAL into the file: one file to copy.
		await handle.close();
	}
	process.env[templateVariable] = dataDir;
	return async () => fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Puts a copy of the template's database in `dataDir` (SQLite) and returns true; false when
 * there is no template (code run outside Vitest, e.g. a bench): the caller migrates.
 */
export function copySqliteTemplate(dataDir: string): boolean {
	const template = process.env[templateVariable];
	if (!template || process.env.TEST_DATABASE_URL) return false;
	fs.mkdirSync(dataDir, { recursive: true });
	fs.copyFileSync(path.join(template, sqliteFileName), path.join(dataDir, sqliteFileName));
	return true;
}

/**
 * Creates the PostgreSQL database `name`: a copy of the template when there is one (true),
 * else empty (false: the caller migrates).
 */
export async function createPostgresDatabase(url: string, name: string): Promise<boolean> {
	const template = process.env[templateVariable];
	if (!template) {
		await adminQuery(url, `create database ${name}`);
		return false;
	}
	// Two copies of one template starting at the same moment may meet: the second tries again.
	for (let attempt = 1; ; attempt++) {
		try {
			await adminQuery(url, `create database ${name} template ${template}`);
			return true;
		} catch (error) {
			if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
			await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
		}
	}
}

/** TEST_DATABASE_URL with another database's name. */
export function databaseUrlOf(url: string, database: string): string {
	const target = new URL(url);
	target.pathname = `/${database}`;
	return target.toString();
}

/**
 * A fresh, migrated database for one test file: a temporary SQLite folder, or — when
 * TEST_DATABASE_URL is set — a new schema in that PostgreSQL database. Real engines only.
 * On SQLite, a copy of the run's template, made by this run from these migrations, so it is
 * not migrated again (1.5–1.9 s became 30–50 ms; even the check that nothing is pending took
 * 0.15 s).
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { destroy(): Promise<void> }> {
	const url = process.env.TEST_DATABASE_URL;
	if (url) {
		// A schema, migrated: CREATE DATABASE … TEMPLATE took longer here (1.2–2.3 s against
		// 0.8–1.5 s, measured side by side): it copies the whole database, catalog included.
		const schema = `t_${randomBytes(6).toString('hex')}`;
		await adminQuery(url, `create schema ${schema}`);
		const handle = openDatabase({ databaseUrl: url, dataDir: '', schema, poolSize: 4 });
		await migrateBesideOthers(handle);
		return {
			...handle,
			destroy: async () => {
				await handle.close();
				await adminQuery(url, `drop schema ${schema} cascade`);
			}
		};
	}
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-test-'));
	const copied = copySqliteTemplate(dataDir);
	const handle = openDatabase({ dataDir });
	if (!copied) await migrateToLatest(handle);
	return {
		...handle,
		destroy: async () => {
			await handle.close();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/**
 * Kysely's migrator first lists the tables of every schema in the database, and PostgreSQL
 * resolves each by name: another test file dropping its schema at that moment makes the
 * listing fail ("relation … does not exist" or "schema … does not exist", seen with two
 * workers). Nothing was migrated then (the migrations run in one transaction), so trying
 * again is safe.
 */
async function migrateBesideOthers(handle: DatabaseHandle): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await migrateToLatest(handle);
			return;
		} catch (error) {
			// 42P01 a table, 3F000 a schema: named in the listing, dropped before it was read.
			const code = (error as { code?: string }).code;
			const vanished = code === '42P01' || code === '3F000';
			if (!vanished || attempt === 5) throw error;
			await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
		}
	}
}

/** One statement on the PostgreSQL server, outside any test database. */
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
