import type { Kysely } from 'kysely';
import { isUniqueViolation } from './errors';
import type { Database, DB } from './types';

/** Runs work in a transaction, or in the caller's transaction when already inside one. */
export function inTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
	if (db.isTransaction) return work(db);
	return (db as Kysely<Database>).transaction().execute(work);
}

/**
 * Runs work again when a unique constraint refused it: for "next number" inserts (minutes,
 * revisions) that two requests may try at once. SQLite serializes writers anyway; on
 * PostgreSQL the loser of the race tries again and takes the next number.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await work();
		} catch (error) {
			if (!isUniqueViolation(error) || attempt >= attempts) throw error;
		}
	}
}
