import type { Kysely } from 'kysely';

// Filled by its capability's part of issue 15.
export async function up(db: Kysely<unknown>): Promise<void> {
	void db;
}
