import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../db/types';
import { createTestDatabase } from './db';

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

/** A fresh database for this test file (SQLite or PostgreSQL), destroyed after it. */
export function useTestDatabase(): { readonly db: Kysely<Database>; readonly handle: Handle } {
	let handle: Handle | undefined;
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(async () => {
		await handle?.destroy();
	});
	return {
		get db() {
			if (!handle) throw new Error('useTestDatabase: used outside a test');
			return handle.db;
		},
		get handle() {
			if (!handle) throw new Error('useTestDatabase: used outside a test');
			return handle;
		}
	};
}
