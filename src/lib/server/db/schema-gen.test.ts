import type { Kysely, Migration } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectUnderTest } from '../test/db';
import { columnTypes } from './migrations/columns';
import { migrationProvider } from './migrations/index';
import {
	introspect,
	migratedDatabase,
	migrationDocs,
	parseSchema,
	renderSchema,
	schemaFile,
	schemaProblems,
	type FreshDatabase
} from './schema-gen';

// schema.ts against databases migrated from scratch, on the dialect under test (CI runs this
// file on both). scripts/db-types.ts --check runs the same comparison in npm run check.

const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
const committed = fs.readFileSync(schemaFile, 'utf8');

/** Every migration, then `extra` as the newest one. */
async function withExtra(up: (db: Kysely<unknown>) => Promise<void>) {
	const migrations: Record<string, Migration> = {
		...(await migrationProvider.getMigrations()),
		'9999-extra': { up }
	};
	return migratedDatabase({ postgresUrl, migrations });
}

const opened: FreshDatabase[] = [];
let current: FreshDatabase;
let drifted: FreshDatabase;

beforeAll(async () => {
	current = await migratedDatabase({ postgresUrl });
	// A later migration nobody ran `npm run db:types` for: a column and a table added.
	drifted = await withExtra(async (db) => {
		const t = columnTypes(db);
		await db.schema.alterTable('users').addColumn('nickname', t.text).execute();
		await db.schema
			.createTable('drift_notes')
			.addColumn('id', t.id, (c) => c.primaryKey())
			.addColumn('is_pinned', t.boolean, (c) => c.notNull().defaultTo(t.bool(false)))
			.addColumn('created_at', t.timestamp, (c) => c.notNull())
			.execute();
	});
	opened.push(current, drifted);
});

afterAll(async () => {
	for (const fresh of opened) await fresh.destroy();
});

describe(`schema.ts and the migrations (${dialectUnderTest})`, () => {
	it('agree', async () => {
		expect(await schemaProblems(committed, current.handle)).toEqual([]);
	});

	it('disagree when a migration adds a column and a table that schema.ts lacks', async () => {
		expect(await schemaProblems(committed, drifted.handle)).toEqual([
			'+ table driftNotes: made by the migrations, missing from schema.ts',
			'+ users.nickname: string | null, missing from schema.ts'
		]);
	});

	it('disagree when schema.ts has what no migration makes (generated from the drifted database)', async () => {
		const { model, problems } = await introspect(drifted.handle);
		expect(problems).toEqual([]);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-schema-test-'));
		try {
			const file = path.join(dir, 'schema.ts');
			fs.writeFileSync(file, renderSchema(model));
			const generated = fs.readFileSync(file, 'utf8');
			expect(generated).toContain('export interface DriftNotes {');
			expect(generated).toContain('\tisPinned: Generated<boolean>;');
			expect(await schemaProblems(generated, drifted.handle)).toEqual([]);
			expect(await schemaProblems(generated, current.handle)).toEqual([
				'- users.nickname: in schema.ts, not made by the migrations',
				'- table driftNotes: in schema.ts, not made by the migrations'
			]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('disagree when schema.ts was edited by hand', async () => {
		const nullable = committed.replace(
			/(export interface Users \{[^}]*\tlocale: )string;/,
			'$1string | null;'
		);
		expect(nullable).not.toBe(committed);
		expect(await schemaProblems(nullable, current.handle)).toEqual([
			'~ users.locale: schema.ts has string | null, the migrations make string'
		]);

		const comment = committed.replace('/** JSON. */', '/** JSON of the job. */');
		expect(comment).not.toBe(committed);
		expect(await schemaProblems(comment, current.handle)).toEqual([
			"~ jobs.payload: its comment differs from the migration's"
		]);

		const reordered = committed.replace(
			'\tname: string;\n\tregion: string;',
			'\tregion: string;\n\tname: string;'
		);
		expect(reordered).not.toBe(committed);
		expect(await schemaProblems(reordered, current.handle)).toEqual([
			'~ table schools: its columns are in another order'
		]);

		const [first, ...others] = await schemaProblems(committed + '\n// more\n', current.handle);
		expect(first).toBe('schema.ts is not in the generated form:');
		expect(others.join('\n')).toContain('// more');

		expect(
			await schemaProblems('export interface Tables {\n\tx: Nope;\n}\n', current.handle)
		).toEqual(['schema.ts is not in the generated form (Tables.x: no interface Nope)']);
	});

	it('refuses columns that break the naming conventions the row normalizer relies on', async () => {
		const broken = await withExtra(async (db) => {
			const t = columnTypes(db);
			await db.schema.alterTable('users').addColumn('is_blocked', t.text).execute();
			await db.schema.alterTable('users').addColumn('blocked_at', t.integer).execute();
		});
		opened.push(broken);
		const { problems } = await introspect(broken.handle);
		expect(problems).toHaveLength(2);
		expect(problems[0]).toMatch(
			/^users\.is_blocked \(\w+\): a name starting with is_ or has_ is read as a boolean/
		);
		expect(problems[1]).toMatch(
			/^users\.blocked_at \(\w+\): a name ending in _at is read as a timestamp/
		);
		expect(await schemaProblems(committed, broken.handle)).toEqual(problems);
	});
});

describe('schema.ts, the file', () => {
	it('is read back as it was written, and Prettier leaves it as it is', async () => {
		const model = parseSchema(committed);
		expect(model.length).toBeGreaterThan(40);
		expect(renderSchema(model)).toBe(committed);
		const options = await prettier.resolveConfig(schemaFile);
		expect(await prettier.format(committed, { ...options, filepath: schemaFile })).toBe(committed);
	});

	it('carries the comments written above columns in the migrations', () => {
		const docs = migrationDocs();
		expect(docs.get('jobs.payload')).toBe('JSON.');
		expect(docs.get('collection_editions.dropped_images')).toMatch(/^Pictures left out/);
		expect(committed).toContain('\t/** JSON. */\n\tpayload: string;');
	});
});
