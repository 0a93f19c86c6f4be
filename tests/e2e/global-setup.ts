import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makeTemplate, postgres, removeTemplate, root } from './server';

// Before the browser tests: a missing build or an unreachable PostgreSQL fails the run at
// once instead of in every test. The run gets a short id (E2E_RUN, inherited by the workers)
// that names its servers' data folders and databases, so runs sharing a database server never
// meet, and a template deployment (migrated, not set up) that every test's server copies.
// The returned function removes the template after the run.

export default async function globalSetup() {
	if (!fs.existsSync(path.join(root, 'build', 'index.js')))
		throw new Error('No build: run `npm run build` first (`npm test` does it).');
	if (process.env.TEST_DATABASE_URL) {
		try {
			await postgres(['select 1']);
		} catch (error) {
			throw new Error(`TEST_DATABASE_URL is set but PostgreSQL is unreachable: ${String(error)}`, {
				cause: error
			});
		}
	}
	const run = (process.env.E2E_RUN ??= randomBytes(3).toString('hex'));
	await makeTemplate(run);
	return async () => {
		await removeTemplate(run);
	};
}
