import type { Kysely } from 'kysely';
import type { Database, DB } from './types';

/** Runs work in a transaction, or in the caller's transaction when already inside one. */
export function inTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
	if (db.isTransaction) return work(db);
	return (db as Kysely<Database>).transaction().execute(work);
}
