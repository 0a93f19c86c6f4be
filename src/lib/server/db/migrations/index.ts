import type { Migration, MigrationProvider } from 'kysely';
import * as accounts from './0001-accounts';
import * as groups from './0002-groups';

/** Every migration, in order. Add new files here; never edit one that has shipped. */
const migrations: Record<string, Migration> = {
	'0001-accounts': accounts,
	'0002-groups': groups
};

export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations
};
