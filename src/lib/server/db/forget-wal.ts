import { sql } from 'kysely';
import { log } from '../log';
import { isPostgres } from './migrations/columns';
import type { DB } from './types';

/**
 * SQLite keeps earlier page images in its write-ahead log until a checkpoint: after values
 * were wiped (secret ballots' seals), empty the log so they do not linger in the -wal file.
 * It never waits for other readers (an online backup, say) and never fails the request: if
 * the log is busy, the frames are overwritten as it restarts. Nothing to do on PostgreSQL.
 */
export async function forgetWal(db: DB): Promise<void> {
	if (db.isTransaction || isPostgres(db as never)) return;
	try {
		await db.connection().execute(async (conn) => {
			await sql`pragma busy_timeout = 0`.execute(conn);
			try {
				await sql`pragma wal_checkpoint(TRUNCATE)`.execute(conn);
			} finally {
				await sql`pragma busy_timeout = 10000`.execute(conn);
			}
		});
	} catch (error) {
		log.warn({ err: error }, 'write-ahead log checkpoint skipped');
	}
}
