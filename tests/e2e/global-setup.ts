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
	// What a killed run left behind (its teardown did not run): data folders a day old.
	const tmp = path.join(root, '.tmp');
	for (const entry of fs.existsSync(tmp) ? fs.readdirSync(tmp) : []) {
		const folder = path.join(tmp, entry);
		if (entry.startsWith('e2e-') && fs.statSync(folder).mtimeMs < Date.now() - 24 * 3600_000)
			fs.rmSync(folder, { recursive: true, force: true });
	}
	const run = (process.env.E2E_RUN ??= randomBytes(3).toString('hex'));
	await makeTemplate(run);
	return async () => {
		await removeTemplate(run);
	};
}
