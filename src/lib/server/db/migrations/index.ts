import type { Migration, MigrationProvider } from 'kysely';
import * as accounts from './0001-accounts';
import * as groups from './0002-groups';
import * as materials from './0003-materials';
import * as decisions from './0004-decisions';
import * as collections from './0005-collections';
import * as approbation from './0006-approbation';
import * as publications from './0007-publications';
import * as search from './0008-search';
import * as notifications from './0009-notifications';
import * as audit from './0010-audit';
import * as workspaceSearch from './0011-workspace-search';
import * as trust from './0012-trust';
import * as workspace from './0013-workspace';
import * as collectionDocuments from './0014-collection-documents';

/** Every migration, in order. Add new files here; never edit one that has shipped. */
const migrations: Record<string, Migration> = {
	'0001-accounts': accounts,
	'0002-groups': groups,
	'0003-materials': materials,
	'0004-decisions': decisions,
	'0005-collections': collections,
	'0006-approbation': approbation,
	'0007-publications': publications,
	'0008-search': search,
	'0009-notifications': notifications,
	'0010-audit': audit,
	'0011-workspace-search': workspaceSearch,
	'0012-trust': trust,
	'0013-workspace': workspace,
	'0014-collection-documents': collectionDocuments
};

export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations
};
