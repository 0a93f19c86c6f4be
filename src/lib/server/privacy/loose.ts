import type { Kysely } from 'kysely';
import type { DB } from '../db/types';

// The declarations name tables and columns as the database does (snake_case); queries go
// through the CamelCasePlugin (dates and booleans normalized), so names are turned camel.

export type LooseRow = Record<string, unknown>;
export type LooseDb = Kysely<Record<string, LooseRow>>;

export const loose = (db: DB): LooseDb => db as unknown as LooseDb;

export const camel = (snake: string): string =>
	snake.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
