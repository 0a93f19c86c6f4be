import SqliteDatabase, { type Statement } from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { log } from '../log';
import { auditedPool, registerSqliteAuditFunctions } from './audit-capture';
import { NormalizeRowsPlugin, toSqliteParameter } from './normalize';
import type { Database } from './types';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
	db: Kysely<Database>;
	dialect: DialectName;
	/** Where SQLite keeps its file; undefined on PostgreSQL. */
	sqliteFile?: string;
	/** The PostgreSQL schema asked for (tests), where the migrator keeps its tables too. */
	schema?: string;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** postgres:// URL; when absent, SQLite in `dataDir`. */
	databaseUrl?: string;
	dataDir: string;
	/** PostgreSQL schema to use (tests give each file its own). */
	schema?: string;
	poolSize?: number;
}

export const sqliteFileName = 'ustat.sqlite';

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
	const plugins = [new CamelCasePlugin(), new NormalizeRowsPlugin()];
	if (options.databaseUrl) {
		const pool = new pg.Pool({
			connectionString: options.databaseUrl,
			max: options.poolSize ?? 10,
			options: options.schema ? `-c search_path=${options.schema}` : undefined,
			// count(*) and other int8 values come back as numbers, as on SQLite.
			types: {
				getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
					oid === pg.types.builtins.INT8
						? (value: string) => Number(value)
						: pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
			}
		});
		// An idle connection dropped by the server (restart, failover) must not crash the app:
		// the pool replaces it; queries in flight fail and are answered as errors.
		pool.on('error', (error) => log.warn({ err: error }, 'database connection lost'));
		// Each connection carries the audit context (who, which request) that the triggers read.
		const db = new Kysely<Database>({
			dialect: new PostgresDialect({ pool: auditedPool(pool) }),
			plugins
		});
		return { db, dialect: 'postgres', schema: options.schema, close: () => db.destroy() };
	}

	fs.mkdirSync(options.dataDir, { recursive: true });
	const file = path.join(options.dataDir, sqliteFileName);
	const sqlite = new SqliteDatabase(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 10000');
	// Deleted or overwritten values (a secret ballot's seal wiped at closing) are zeroed in
	// the file, not left in free space for a copy of the file to reveal.
	sqlite.pragma('secure_delete = ON');
	// What the audit triggers call to learn who made a change, and in which request.
	registerSqliteAuditFunctions(sqlite);
	const db = new Kysely<Database>({
		dialect: new SqliteDialect({ database: adaptSqlite(sqlite) }),
		plugins
	});
	return { db, dialect: 'sqlite', sqliteFile: file, close: () => db.destroy() };
}

/**
 * better-sqlite3 behind Kysely's SqliteDatabase interface, with three changes made in one
 * place: Date/boolean parameters are converted, prepared statements are reused, and
 * transactions start IMMEDIATE (take the write lock at BEGIN, so a second process waits on
 * busy_timeout instead of failing when it later upgrades its read lock).
 */
function adaptSqlite(sqlite: SqliteDatabase.Database) {
	const statements = new Map<string, Statement>();
	const prepare = (sql: string): Statement => {
		let statement = statements.get(sql);
		if (!statement) {
			statement = sqlite.prepare(sql === 'begin' ? 'begin immediate' : sql);
			if (statements.size >= 1000) statements.clear();
			statements.set(sql, statement);
		}
		return statement;
	};
	const bind = (parameters: ReadonlyArray<unknown>) => parameters.map(toSqliteParameter);
	return {
		close: () => sqlite.close(),
		prepare(sql: string) {
			const statement = prepare(sql);
			return {
				reader: statement.reader,
				all: (parameters: ReadonlyArray<unknown>) => statement.all(bind(parameters)),
				run: (parameters: ReadonlyArray<unknown>) => statement.run(bind(parameters)),
				iterate: (parameters: ReadonlyArray<unknown>) =>
					statement.iterate(bind(parameters)) as IterableIterator<unknown>
			};
		}
	};
}
