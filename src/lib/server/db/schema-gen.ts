// Writes schema.ts from a database migrated from scratch, and checks that the committed file is
// what the migrations make: on SQLite always, on PostgreSQL too when TEST_DATABASE_URL is set.
// Run by scripts/db-types.ts (`npm run db:types`; `--check` in `npm run check` and `npm test`).
// Not part of the app: nothing the server runs imports this file.
import {
	CamelCasePlugin,
	DEFAULT_MIGRATION_LOCK_TABLE,
	DEFAULT_MIGRATION_TABLE,
	Migrator,
	sql,
	type Migration
} from 'kysely';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './connect';
import { migrationProvider } from './migrations/index';
import { isBooleanKey, isTimestampKey } from './normalize';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The generated file. */
export const schemaFile = path.join(here, 'schema.ts');
const migrationsDir = path.join(here, 'migrations');

export type ColumnType = 'string' | 'number' | 'boolean' | 'Date';

export interface ColumnModel {
	/** As queries name it: camelCase, which CamelCasePlugin maps to the snake_case column. */
	name: string;
	type: ColumnType;
	nullable: boolean;
	/** Has a default (or is an identity): optional when inserting. */
	generated: boolean;
	/** The `/** … *\/` comment written above the column's `.addColumn` in its migration. */
	doc?: string;
}

export interface TableModel {
	/** camelCase, as in `db.selectFrom('planItems')`. */
	name: string;
	/** In the database's order: the order the migrations added them. */
	columns: ColumnModel[];
}

/** Tables sorted by name. */
export type SchemaModel = TableModel[];

// ------------------------------------------------------------------ a fresh database

export interface FreshDatabase {
	handle: DatabaseHandle;
	destroy(): Promise<void>;
}

/**
 * A new database with every migration run (or `migrations`, for tests): a temporary SQLite
 * folder, or a new schema in the PostgreSQL database at `postgresUrl`, dropped by destroy().
 */
export async function migratedDatabase(
	options: { postgresUrl?: string; migrations?: Record<string, Migration> } = {}
): Promise<FreshDatabase> {
	const migrations = options.migrations ?? (await migrationProvider.getMigrations());
	let fresh: FreshDatabase;
	const url = options.postgresUrl;
	if (url) {
		const schema = `t_types_${randomBytes(6).toString('hex')}`;
		await adminQuery(url, `create schema ${schema}`);
		const handle = openDatabase({ databaseUrl: url, dataDir: '', schema, poolSize: 2 });
		fresh = {
			handle,
			destroy: async () => {
				await handle.close();
				await adminQuery(url, `drop schema ${schema} cascade`);
			}
		};
	} else {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-schema-'));
		const handle = openDatabase({ dataDir });
		fresh = {
			handle,
			destroy: async () => {
				await handle.close();
				fs.rmSync(dataDir, { recursive: true, force: true });
			}
		};
	}
	try {
		const migrator = new Migrator({
			db: fresh.handle.db,
			provider: { getMigrations: async () => migrations },
			migrationTableSchema: fresh.handle.schema
		});
		const { error } = await migrator.migrateToLatest();
		if (error) throw error;
	} catch (error) {
		await fresh.destroy();
		throw error;
	}
	return fresh;
}

async function adminQuery(url: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

// ------------------------------------------------------------------ introspection

interface RawColumn {
	table: string;
	column: string;
	/** PostgreSQL's udt_name (int4, timestamptz…) or SQLite's declared type. */
	sqlType: string;
	nullable: boolean;
	hasDefault: boolean;
}

const kyselyTables = new Set([DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE]);

async function rawColumns(handle: DatabaseHandle): Promise<RawColumn[]> {
	// Without the plugins: the catalogs' own column names, values as they are.
	const db = handle.db.withoutPlugins();
	let columns: RawColumn[];
	if (handle.dialect === 'postgres') {
		const { rows } = await sql<{
			table: string;
			column: string;
			type: string;
			nullable: string;
			hasDefault: boolean;
		}>`
			select c.table_name as "table", c.column_name as "column", c.udt_name as "type",
				c.is_nullable as "nullable",
				(c.column_default is not null or c.is_identity = 'YES' or c.is_generated = 'ALWAYS')
					as "hasDefault"
			from information_schema.columns c
			join information_schema.tables t
				on t.table_schema = c.table_schema and t.table_name = c.table_name
			where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
			order by c.table_name, c.ordinal_position`.execute(db);
		columns = rows.map((r) => ({
			table: r.table,
			column: r.column,
			sqlType: r.type,
			nullable: r.nullable === 'YES',
			hasDefault: r.hasDefault
		}));
	} else {
		const { rows } = await sql<{
			table: string;
			column: string;
			type: string;
			notNull: number;
			pk: number;
			hasDefault: number;
		}>`
			select m.name as "table", p.name as "column", p.type as "type", p."notnull" as "notNull",
				p.pk as "pk", p.dflt_value is not null as "hasDefault"
			from sqlite_master m join pragma_table_info(m.name) p
			join pragma_table_list l on l.schema = 'main' and l.name = m.name
			where m.type = 'table' and l.type = 'table' and m.name not like 'sqlite\\_%' escape '\\'
			order by m.name, p.cid`.execute(db);
		columns = rows.map((r) => ({
			table: r.table,
			column: r.column,
			sqlType: r.type,
			// SQLite lets a non-integer primary key hold NULL (a legacy quirk); PostgreSQL does
			// not, and no row of ours has one: a key column is not null on both.
			nullable: r.notNull === 0 && r.pk === 0,
			hasDefault: r.hasDefault !== 0
		}));
	}
	return columns.filter((c) => !kyselyTables.has(c.table));
}

/**
 * The TypeScript type of a column. PostgreSQL's types are exact; SQLite keeps timestamps as
 * text and booleans as 0/1, so there the name decides, as it does for the row normalizer.
 * Either way a column must follow the naming conventions (checked by the caller), which makes
 * both dialects give the same types.
 */
function columnType(dialect: DatabaseHandle['dialect'], name: string, sqlType: string) {
	const type = sqlType.toLowerCase();
	if (dialect === 'postgres') {
		if (['text', 'varchar', 'bpchar'].includes(type)) return 'string';
		// int8 too: connect.ts parses it as a number (counts, sizes below 2^53).
		if (['int2', 'int4', 'int8'].includes(type)) return 'number';
		// Measured values (indicators): double precision, a JS number as it is.
		if (type === 'float8') return 'number';
		if (type === 'bool') return 'boolean';
		if (type === 'timestamptz' || type === 'timestamp') return 'Date';
		return undefined;
	}
	// SQLite's type affinity rules (https://sqlite.org/datatype3.html#affinity_name_examples).
	if (type.includes('int')) return isBooleanKey(name) ? 'boolean' : 'number';
	if (/char|clob|text/.test(type)) return isTimestampKey(name) ? 'Date' : 'string';
	if (/real|floa|doub/.test(type)) return 'number';
	return undefined;
}

/** CamelCasePlugin's own mapping, both ways. */
class Names extends CamelCasePlugin {
	camel(name: string): string {
		return this.camelCase(name);
	}
	snake(name: string): string {
		return this.snakeCase(name);
	}
}

export interface Introspected {
	model: SchemaModel;
	/** Columns the generator cannot type, or that break a naming convention. */
	problems: string[];
}

/** The tables and columns of a migrated database; `docs` are the migrations' column comments. */
export async function introspect(
	handle: DatabaseHandle,
	docs: Map<string, string> = migrationDocs()
): Promise<Introspected> {
	const names = new Names();
	const problems: string[] = [];
	const tables = new Map<string, TableModel>();
	const camel = (snake: string) => {
		const name = names.camel(snake);
		if (names.snake(name) !== snake)
			problems.push(
				`${snake}: CamelCasePlugin names it ${name}, which maps back to ${names.snake(name)}: rename it`
			);
		return name;
	};
	for (const raw of await rawColumns(handle)) {
		const where = `${raw.table}.${raw.column} (${raw.sqlType})`;
		if (!tables.has(raw.table)) tables.set(raw.table, { name: camel(raw.table), columns: [] });
		const name = camel(raw.column);
		const type = columnType(handle.dialect, name, raw.sqlType);
		if (!type) {
			problems.push(`${where}: no TypeScript type for this column type (schema-gen.ts)`);
			continue;
		}
		if ((type === 'Date') !== isTimestampKey(name))
			problems.push(
				type === 'Date'
					? `${where}: a timestamp's name must end in _at (the row normalizer makes only those Dates)`
					: `${where}: a name ending in _at is read as a timestamp: make it one, or rename it`
			);
		if ((type === 'boolean') !== isBooleanKey(name))
			problems.push(
				type === 'boolean'
					? `${where}: a boolean's name must start with is_ or has_ (the row normalizer reads only those as booleans)`
					: `${where}: a name starting with is_ or has_ is read as a boolean: make it one, or rename it`
			);
		const doc = docs.get(`${raw.table}.${raw.column}`);
		tables.get(raw.table)!.columns.push({
			name,
			type,
			nullable: raw.nullable,
			generated: raw.hasDefault,
			...(doc ? { doc } : {})
		});
	}
	const model = [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
	for (const table of model)
		if (reservedNames.has(interfaceName(table.name)))
			problems.push(`${table.name}: its interface would be named ${interfaceName(table.name)}`);
	return { model, problems };
}

/**
 * The `/** … *\/` comments written right above `.addColumn('name', …)` in the migrations, by
 * `table.column`; the table is the nearest `createTable`/`alterTable` before. A later migration's
 * comment on the same column wins.
 */
export function migrationDocs(dir = migrationsDir): Map<string, string> {
	const docs = new Map<string, string>();
	const files = fs.readdirSync(dir).filter((file) => /^\d+-.+\.ts$/.test(file));
	for (const file of files.sort()) {
		const text = fs.readFileSync(path.join(dir, file), 'utf8');
		let table: string | undefined;
		const pattern =
			/\.(?:createTable|alterTable)\(\s*'(\w+)'\s*\)|\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\.addColumn\(\s*'(\w+)'/g;
		for (const match of text.matchAll(pattern)) {
			if (match[1]) table = match[1];
			else if (table && match[2] !== undefined && match[3]) {
				const doc = match[2]
					.split('\n')
					.map((line) => line.replace(/^\s*\*?/, '').trim())
					.filter(Boolean)
					.join(' ');
				if (doc) docs.set(`${table}.${match[3]}`, doc);
			}
		}
	}
	return docs;
}

// ------------------------------------------------------------------ schema.ts, both ways

const header = `// GENERATED by \`npm run db:types\` from a database migrated from scratch: do not edit.
// To change the schema, write a migration (migrations/), run \`npm run db:types\` and commit
// both; \`npm run check\` and \`npm test\` fail while this file and the migrations disagree.
// Column comments come from the migrations. The app's own types (unions, rows) are in types.ts.
`;

const reservedNames = new Set(['Tables', 'Generated']);

function interfaceName(table: string): string {
	return table[0]!.toUpperCase() + table.slice(1);
}

function typeText(column: ColumnModel): string {
	const type = column.nullable ? `${column.type} | null` : column.type;
	return column.generated ? `Generated<${type}>` : type;
}

/** The text of schema.ts (formatted as Prettier leaves it; schema-gen.test.ts checks). */
export function renderSchema(model: SchemaModel): string {
	const lines = [header];
	if (model.some((table) => table.columns.some((column) => column.generated)))
		lines.push(`import type { Generated } from 'kysely';`, '');
	for (const table of model) {
		lines.push(`export interface ${interfaceName(table.name)} {`);
		for (const column of table.columns) {
			if (column.doc) lines.push(`\t/** ${column.doc} */`);
			lines.push(`\t${column.name}: ${typeText(column)};`);
		}
		lines.push('}', '');
	}
	lines.push('/** Every table, by the name queries use. */', 'export interface Tables {');
	for (const table of model) lines.push(`\t${table.name}: ${interfaceName(table.name)};`);
	lines.push('}', '');
	return lines.join('\n');
}

/** Reads a schema.ts written by renderSchema back; throws on anything else. */
export function parseSchema(text: string): SchemaModel {
	const interfaces = new Map<string, { name: string; type: string; doc?: string }[]>();
	let block: { name: string; type: string; doc?: string }[] | undefined;
	let doc: string | undefined;
	text.split('\n').forEach((line, index) => {
		const fail = (why: string) => {
			throw new Error(`line ${index + 1}: ${why}`);
		};
		const opening = /^export interface (\w+) \{$/.exec(line);
		if (opening) {
			if (block) fail('an interface inside an interface');
			block = [];
			interfaces.set(opening[1]!, block);
			return;
		}
		if (!block) return;
		if (line === '}') {
			block = undefined;
			return;
		}
		const comment = /^\t\/\*\* (.*) \*\/$/.exec(line);
		if (comment) {
			doc = comment[1];
			return;
		}
		const member = /^\t(\w+): (.+);$/.exec(line);
		if (!member) fail(`not a column: ${line}`);
		block.push({ name: member![1]!, type: member![2]!, ...(doc ? { doc } : {}) });
		doc = undefined;
	});
	const tables = interfaces.get('Tables');
	if (!tables) throw new Error('no Tables interface');
	return tables
		.map(({ name, type }) => {
			const members = interfaces.get(type);
			if (!members) throw new Error(`Tables.${name}: no interface ${type}`);
			return {
				name,
				columns: members.map(({ name: column, type: text, doc: comment }) => {
					const generated = /^Generated<(.+)>$/.exec(text);
					const inner = /^(string|number|boolean|Date)( \| null)?$/.exec(generated?.[1] ?? text);
					if (!inner) throw new Error(`${name}.${column}: not a generated type: ${text}`);
					return {
						name: column,
						type: inner[1] as ColumnType,
						nullable: inner[2] !== undefined,
						generated: generated !== null,
						...(comment ? { doc: comment } : {})
					};
				})
			};
		})
		.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** What differs between schema.ts (`committed`) and a database (`fresh`), one line each. */
export function schemaDifferences(committed: SchemaModel, fresh: SchemaModel): string[] {
	const found: string[] = [];
	const committedTables = new Map(committed.map((table) => [table.name, table]));
	const freshTables = new Set(fresh.map((table) => table.name));
	for (const table of fresh) {
		const before = committedTables.get(table.name);
		if (!before) {
			found.push(`+ table ${table.name}: made by the migrations, missing from schema.ts`);
			continue;
		}
		const beforeColumns = new Map(before.columns.map((column) => [column.name, column]));
		const freshColumns = new Set(table.columns.map((column) => column.name));
		for (const column of table.columns) {
			const where = `${table.name}.${column.name}`;
			const old = beforeColumns.get(column.name);
			if (!old) found.push(`+ ${where}: ${typeText(column)}, missing from schema.ts`);
			else if (typeText(old) !== typeText(column))
				found.push(
					`~ ${where}: schema.ts has ${typeText(old)}, the migrations make ${typeText(column)}`
				);
			else if (old.doc !== column.doc)
				found.push(`~ ${where}: its comment differs from the migration's`);
		}
		for (const column of before.columns)
			if (!freshColumns.has(column.name))
				found.push(`- ${table.name}.${column.name}: in schema.ts, not made by the migrations`);
		const order = (columns: ColumnModel[]) =>
			columns
				.map((column) => column.name)
				.filter((name) => freshColumns.has(name) && beforeColumns.has(name));
		if (order(before.columns).join() !== order(table.columns).join())
			found.push(`~ table ${table.name}: its columns are in another order`);
	}
	for (const table of committed)
		if (!freshTables.has(table.name))
			found.push(`- table ${table.name}: in schema.ts, not made by the migrations`);
	return found;
}

/** What is wrong with `text` (schema.ts as committed) against `handle`; empty when none. */
export async function schemaProblems(
	text: string,
	handle: DatabaseHandle,
	docs?: Map<string, string>
): Promise<string[]> {
	const { model, problems } = await introspect(handle, docs);
	if (problems.length > 0) return problems;
	const expected = renderSchema(model);
	if (text === expected) return [];
	let committed: SchemaModel;
	try {
		committed = parseSchema(text);
	} catch (error) {
		return [`schema.ts is not in the generated form (${(error as Error).message})`];
	}
	const found = schemaDifferences(committed, model);
	return found.length > 0
		? found
		: ['schema.ts is not in the generated form:', ...lineDiff(text, expected)];
}

/** The lines that differ, as `-` (in `a`) and `+` (in `b`) with line numbers; at most `max`. */
export function lineDiff(a: string, b: string, max = 20): string[] {
	const x = a.split('\n');
	const y = b.split('\n');
	// Longest common subsequence, from the end (files of a few hundred lines).
	const lcs = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
	for (let i = x.length - 1; i >= 0; i--)
		for (let j = y.length - 1; j >= 0; j--)
			lcs[i]![j] =
				x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
	const out: string[] = [];
	let i = 0;
	let j = 0;
	while ((i < x.length || j < y.length) && out.length < max) {
		if (i < x.length && j < y.length && x[i] === y[j]) {
			i++;
			j++;
		} else if (j < y.length && (i === x.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
			out.push(`+ ${j + 1}: ${y[j]}`);
			j++;
		} else {
			out.push(`- ${i + 1}: ${x[i]}`);
			i++;
		}
	}
	return out;
}
