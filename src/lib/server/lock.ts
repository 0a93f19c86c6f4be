import SqliteDatabase from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Runs `work` while holding an exclusive lock on `lockFile`, across processes. The lock is an
 * EXCLUSIVE transaction on a tiny SQLite file: the OS releases it if the process dies, and a
 * second process waits (up to `timeoutMs`) instead of racing. Used for migrations and for any
 * one-off file work on a shared data folder.
 */
export async function withFileLock<T>(
	lockFile: string,
	work: () => Promise<T>,
	timeoutMs = 120_000
): Promise<T> {
	fs.mkdirSync(path.dirname(lockFile), { recursive: true });
	const lock = new SqliteDatabase(lockFile, { timeout: timeoutMs });
	try {
		lock.exec('BEGIN EXCLUSIVE');
		try {
			return await work();
		} finally {
			lock.exec('COMMIT');
		}
	} finally {
		lock.close();
	}
}
