import { Migrator } from 'kysely';
import path from 'node:path';
import { withFileLock } from '../lock';
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
		const { error, results = [] } = await migrator.migrateToLatest();
		if (error) throw error;
		return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
	};
	if (!handle.sqliteFile) return run();
	return withFileLock(path.join(path.dirname(handle.sqliteFile), 'migrate.lock'), run);
}
