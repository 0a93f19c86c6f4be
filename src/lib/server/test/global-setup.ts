import pg from 'pg';

/** Says which database the run uses, and fails early if PostgreSQL was asked for but is down. */
export default async function setup() {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) {
		console.log('[ustat] tests run on SQLite (set TEST_DATABASE_URL for PostgreSQL)');
		return;
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
}
