import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

// Before the browser tests: a missing build or an unreachable PostgreSQL fails the run at
// once instead of in every test, and the run gets a short id that names its servers' data
// folders and databases (E2E_RUN), so that runs on a shared database server never meet.

const root = path.resolve(import.meta.dirname, '../..');

export default async function globalSetup() {
	if (!fs.existsSync(path.join(root, 'build', 'index.js')))
		throw new Error('No build: run `npm run build` first (`npm test` does it).');
	// Inherited by the workers, which start the servers.
	process.env.E2E_RUN ??= randomBytes(3).toString('hex');

	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) return;
	const client = new pg.Client({ connectionString: adminUrl });
	try {
		await client.connect();
	} catch (error) {
		throw new Error(`TEST_DATABASE_URL is set but PostgreSQL is unreachable: ${String(error)}`, {
			cause: error
		});
	} finally {
		await client.end().catch(() => undefined);
	}
}
