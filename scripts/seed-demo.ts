// Seeds the demo school into DATA_DIR / DATABASE_URL and prints the accounts
// (run by scripts/demo.js through tsx; the app itself need not be running).
import path from 'node:path';
import { config } from '../src/lib/server/config.js';
import { openDatabase } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { isSetupDone } from '../src/lib/server/domain/schools/queries';
import { seedDemo } from '../src/lib/server/demo/seed';
import { ballots } from '../src/lib/server/secrets';
import { createDiskStore } from '../src/lib/server/storage/disk';

const cfg = config();
const handle = openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
try {
	await migrateToLatest(handle);
	if (await isSetupDone(handle.db)) {
		console.error('This database is already set up: the demo needs an empty one.');
		process.exitCode = 1;
	} else {
		const files = createDiskStore(path.join(cfg.dataDir, 'files'));
		for (const account of await seedDemo(handle.db, files, ballots()))
			console.log(`demo-account ${account.role} ${account.email} ${account.password}`);
	}
} finally {
	await handle.close();
}
