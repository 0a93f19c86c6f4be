import pg from 'pg';

/**
 * Says which database the run uses, and fails early if PostgreSQL was asked for but is down.
 * The app's own log lines (pino, in the test processes) stay out of the output: the workers
 * inherit LOG_LEVEL=silent unless LOG_LEVEL is set (`LOG_LEVEL=info npm test` shows them).
 * Servers started by tests keep their logs in memory and show them when a test fails
 * (server.ts). Then makes the run's template database (db.ts), which every test file's and
 * test server's database copies instead of migrating, and removes it after the run.
 */
export default async function setup() {
	process.env.LOG_LEVEL ??= 'silent';
	const url = process.env.TEST_DATABASE_URL;
	if (!url) {
		console.log('[ustat] tests run on SQLite (set TEST_DATABASE_URL for PostgreSQL)');
		return template();
	}
	const client = new pg.Client({ connectionString: url });
	try {
		await client.connect();
		const { rows } = await client.query('show server_version');
		console.log(`[ustat] tests run on PostgreSQL ${rows[0].server_version}`);
	} catch (error) {
		throw new Error(`TEST_DATABASE_URL is set but PostgreSQL is unreachable: ${String(error)}`, {
			cause: error
		});
	} finally {
		await client.end().catch(() => undefined);
	}
	return template();
}

/**
 * The template, made here in Vitest's main process, where BASE_URL is Vite's '/' (the workers
 * get vite.config.ts's test.env): the app's modules read their configuration as they load.
 */
async function template(): Promise<() => Promise<void>> {
	const saved = process.env.BASE_URL;
	process.env.BASE_URL = 'http://127.0.0.1:3000';
	try {
		const { makeTemplate } = await import('./db');
		return await makeTemplate();
	} finally {
		process.env.BASE_URL = saved;
	}
}
