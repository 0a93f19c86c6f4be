import { Migrator } from 'kysely';
import path from 'node:path';
import { withFileLock } from '../lock';
import { auditTriggersMissing, dropAuditTriggers, installAuditTriggers } from './audit-capture';
import type { DatabaseHandle } from './connect';
import { migrationProvider } from './migrations/index';

/**
 * Brings the schema up to date. PostgreSQL: Kysely takes an advisory lock. SQLite: we hold a
 * file lock in the data folder so two processes starting at once migrate one after the other.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
	const run = async () => {
		const migrator = new Migrator({
			db: handle.db,
			provider: migrationProvider,
			// Named, or Kysely takes another schema's migration tables for this one's (it looks
			// for them in every schema): tests migrate several schemas of one database at once.
			migrationTableSchema: handle.schema
		});
		const postgres = handle.dialect === 'postgres';
		// The audit triggers name each table's columns: migrations run without them (a
		// schema change is not a person's change), and they are made anew from the schema
		// the migrations leave, covering new tables and columns.
		const pending = (await migrator.getMigrations()).some((m) => !m.executedAt);
		if (pending) await dropAuditTriggers(handle.db, postgres);
		const { error, results = [] } = await migrator.migrateToLatest();
		if (error) throw error;
		if (pending || (await auditTriggersMissing(handle.db, postgres)))
			await installAuditTriggers(handle.db, postgres);
		return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
	};
	if (!handle.sqliteFile) return run();
	return withFileLock(path.join(path.dirname(handle.sqliteFile), 'migrate.lock'), run);
}
