import { PostgresAdapter, sql, type ColumnDataType, type Expression, type Kysely } from 'kysely';

// Column types that differ between the dialects, chosen in one place. The normalizer
// (../normalize.ts) turns SQLite's text timestamps and 0/1 booleans back into Date/boolean.

export function isPostgres(db: Kysely<unknown>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function columnTypes(db: Kysely<unknown>) {
	const pg = isPostgres(db);
	return {
		id: 'text' as ColumnDataType,
		text: 'text' as ColumnDataType,
		integer: 'integer' as ColumnDataType,
		/** A measured value with decimals (an indicator): a JS number on both. */
		real: (pg ? 'double precision' : 'real') as ColumnDataType,
		timestamp: (pg ? 'timestamptz' : 'text') as ColumnDataType,
		boolean: (pg ? 'boolean' : 'integer') as ColumnDataType,
		json: (pg ? 'jsonb' : 'text') as ColumnDataType,
		/** A default boolean value, written the way each dialect accepts. */
		bool: (value: boolean): Expression<unknown> => (pg ? sql.lit(value) : sql.lit(value ? 1 : 0))
	};
}
