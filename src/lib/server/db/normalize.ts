import type {
	KyselyPlugin,
	PluginTransformQueryArgs,
	PluginTransformResultArgs,
	QueryResult,
	RootOperationNode,
	UnknownRow
} from 'kysely';

const booleanKey = /^(is|has)[A-Z]/;

/** Timestamps are named `*At` (`created_at`), booleans `is*`/`has*` (`is_active`). */
export const isTimestampKey = (key: string): boolean => key.endsWith('At');
export const isBooleanKey = (key: string): boolean => booleanKey.test(key);

/**
 * Makes both dialects return one shape: SQLite gives timestamps as ISO text and booleans as
 * 0/1; PostgreSQL gives Date and boolean already. Keys follow the naming conventions above,
 * which the schema check (schema-gen.ts) holds every column to.
 */
export class NormalizeRowsPlugin implements KyselyPlugin {
	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		return args.node;
	}

	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		for (const row of args.result.rows) normalizeRow(row);
		return args.result;
	}
}

export function normalizeRow(row: UnknownRow): UnknownRow {
	for (const key in row) {
		const value = row[key];
		if (typeof value === 'string' && isTimestampKey(key)) row[key] = new Date(value);
		else if (typeof value === 'number' && isBooleanKey(key)) row[key] = value !== 0;
	}
	return row;
}

/** SQLite cannot bind Date or boolean: store ISO-8601 UTC text (sorts correctly) and 0/1. */
export function toSqliteParameter(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'boolean') return value ? 1 : 0;
	return value;
}
