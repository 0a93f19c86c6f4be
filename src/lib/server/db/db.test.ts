import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/vitest';
import { makeSchool, makeUser } from '../test/factories';
import { isUniqueViolation, isForeignKeyViolation } from './errors';
import { hashToken, newId, newToken } from './ids';

const t = useTestDatabase();

describe('one data shape on both dialects', () => {
	it('returns booleans and Dates, whatever the engine stores', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id, isActive: false });
		const row = await t.db
			.selectFrom('users')
			.selectAll()
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(row.isActive).toBe(false);
		expect(row.isOperator).toBe(false);
		expect(row.createdAt).toBeInstanceOf(Date);
		expect(row.createdAt.getTime()).toBe(user.createdAt.getTime());
		expect(row.deactivatedAt).toBeInstanceOf(Date);
	});

	it('compares dates and booleans in where clauses', async () => {
		const school = await makeSchool(t.db);
		await makeUser(t.db, { schoolId: school.id, isActive: true });
		await makeUser(t.db, { schoolId: school.id, isActive: false });
		const active = await t.db
			.selectFrom('users')
			.select('id')
			.where('schoolId', '=', school.id)
			.where('isActive', '=', true)
			.where('createdAt', '<=', new Date(Date.now() + 1000))
			.execute();
		expect(active).toHaveLength(1);
	});

	it('returns counts as numbers', async () => {
		const row = await t.db
			.selectFrom('subjects')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow();
		expect(row.count).toBe(28);
		expect(typeof row.count).toBe('number');
	});

	it('keeps Kyrgyz letters intact', async () => {
		const school = await makeSchool(t.db, { name: 'Ңөү ҢӨҮ мектеби' });
		const row = await t.db
			.selectFrom('schools')
			.select('name')
			.where('id', '=', school.id)
			.executeTakeFirstOrThrow();
		expect(row.name).toBe('Ңөү ҢӨҮ мектеби');
	});

	it('maps constraint errors of both drivers', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const duplicate = await makeUser(t.db, { schoolId: school.id, email: user.email }).catch(
			(e) => e
		);
		expect(isUniqueViolation(duplicate)).toBe(true);
		const orphan = await makeUser(t.db, { schoolId: 'no-such-school' }).catch((e) => e);
		expect(isForeignKeyViolation(orphan)).toBe(true);
		expect(isUniqueViolation(orphan)).toBe(false);
	});

	it('rolls a failed transaction back completely', async () => {
		const name = `rollback-${newId()}`;
		await t.db
			.transaction()
			.execute(async (trx) => {
				await trx
					.insertInto('schools')
					.values({
						id: newId(),
						name,
						region: 'KG-C',
						city: 'x',
						createdAt: new Date(),
						updatedAt: new Date()
					})
					.execute();
				throw new Error('boom');
			})
			.catch(() => undefined);
		const found = await t.db.selectFrom('schools').select('id').where('name', '=', name).execute();
		expect(found).toHaveLength(0);
	});
});

describe('naming conventions the row normalizer relies on', () => {
	it('every timestamp column ends in _at and every boolean starts with is_/has_', async () => {
		const columns =
			t.handle.dialect === 'postgres'
				? (
						await sql<{ table: string; column: string; type: string }>`
							select table_name as "table", column_name as "column", data_type as "type"
							from information_schema.columns where table_schema = current_schema()`.execute(t.db)
					).rows
				: (
						await sql<{ table: string; column: string; type: string }>`
							select m.name as "table", p.name as "column", p.type as "type"
							from sqlite_master m join pragma_table_info(m.name) p
							where m.type = 'table' and m.name not like 'sqlite_%'`.execute(t.db)
					).rows;
		expect(columns.length).toBeGreaterThan(20);
		for (const { table, column, type } of columns) {
			if (table.startsWith('kysely_')) continue;
			const where = `${table}.${column} (${type})`;
			if (t.handle.dialect === 'postgres') {
				expect(type.startsWith('timestamp'), where).toBe(column.endsWith('_at'));
				expect(type === 'boolean', where).toBe(/^(is|has)_/.test(column));
			} else {
				// SQLite keeps timestamps as text: the name is the only marker, so check the reverse.
				if (column.endsWith('_at')) expect(type, where).toBe('TEXT');
				if (/^(is|has)_/.test(column)) expect(type, where).toBe('INTEGER');
			}
		}
	});
});

describe('ids and tokens', () => {
	it('makes time-ordered UUIDv7 ids', async () => {
		const first = newId();
		await new Promise((r) => setTimeout(r, 2));
		const second = newId();
		expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(first < second).toBe(true);
	});

	it('makes URL-safe 256-bit tokens and stores only their hash', () => {
		const token = newToken();
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).not.toContain(token);
	});
});

describe('ids', () => {
	it('are UUIDv7 and sort in the order they were made, even within one millisecond', () => {
		const ids = Array.from({ length: 5000 }, () => newId());
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual(ids);
		for (const id of ids.slice(0, 10))
			expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});
});
