// `npm run audit:verify`: walks the whole audit log of DATA_DIR / DATABASE_URL (after sealing
// what is pending) and checks every entry's hash chain. Exit 0 when it holds; otherwise
// prints the first broken entry and exits 1. Prints the last hash: noted elsewhere, it shows a
// log cut short too.
import { config } from '../src/lib/server/config.js';
import { openDatabase } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { verifyChain } from '../src/lib/server/audit/verify';

const reasons = {
	gap: 'an entry before it is missing (removed)',
	prev_hash: "it does not carry the previous entry's hash (an entry was removed or inserted)",
	hash: 'its content does not match its hash (edited)'
} as const;

const cfg = config();
const handle = openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
try {
	await migrateToLatest(handle);
	const result = await verifyChain(handle.db);
	if (result.ok) {
		console.log(`audit log verified: ${result.checked} entries, the chain holds`);
		// Kept outside the database (a ticket, a printout), it also shows entries cut from the end.
		console.log(`head: entry ${result.checked}, hash ${result.headHash}`);
	} else {
		const broken = result.broken!;
		const entry = await handle.db
			.selectFrom('auditLog')
			.selectAll()
			.where('seq', '=', broken.seq)
			.executeTakeFirst();
		console.error(`audit log BROKEN at entry ${broken.seq}: ${reasons[broken.reason]}`);
		console.error(`  ${result.checked} entries before it verified`);
		if (entry) console.error(`  entry: ${JSON.stringify(entry)}`);
		process.exitCode = 1;
	}
} catch (error) {
	console.error(error);
	process.exitCode = 2;
} finally {
	await handle.close();
}
