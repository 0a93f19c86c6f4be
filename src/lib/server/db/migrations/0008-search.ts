import type { Kysely } from 'kysely';

// The public catalog's search index (capability C7): written by the search module's helper.
export async function up(db: Kysely<unknown>): Promise<void> {
	void db;
}

export async function down(db: Kysely<unknown>): Promise<void> {
	void db;
}
