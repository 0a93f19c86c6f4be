import { describe, expect, it } from 'vitest';
import { makeSchool, makeUser } from '../test/factories';
import { useTestDatabase } from '../test/vitest';
import { prepared } from './prepared';
import type { DB } from './types';

const t = useTestDatabase();

describe('prepared queries', () => {
	const byEmail = prepared((db: DB, email: string, active: boolean) =>
		db
			.selectFrom('users')
			.select(['id', 'email', 'isActive', 'createdAt'])
			.where('email', '=', email)
			.where('isActive', '=', active)
	);

	it('re-bind their arguments on every call and keep the row normalization', async () => {
		const school = await makeSchool(t.db);
		const a = await makeUser(t.db, { schoolId: school.id, email: 'one@x.kg' });
		const b = await makeUser(t.db, { schoolId: school.id, email: 'two@x.kg', isActive: false });
		expect((await byEmail(t.db, 'one@x.kg', true)).map((r) => r.id)).toEqual([a.id]);
		expect(await byEmail(t.db, 'two@x.kg', true)).toEqual([]);
		const [row] = await byEmail(t.db, 'two@x.kg', false);
		expect(row).toMatchObject({ id: b.id, isActive: false });
		expect(row?.createdAt).toBeInstanceOf(Date);
	});

	it('work inside a transaction', async () => {
		const school = await makeSchool(t.db);
		await t.db.transaction().execute(async (trx) => {
			await makeUser(trx, { schoolId: school.id, email: 'trx@x.kg' });
			expect(await byEmail(trx, 'trx@x.kg', true)).toHaveLength(1);
		});
	});

	it('refuse an argument that is not a bound parameter', async () => {
		const broken = prepared((db: DB, column: string) =>
			db
				.selectFrom('users')
				.select('id')
				.where(column === 'x' ? 'email' : 'id', '=', 'a')
		);
		await expect(broken(t.db, 'x')).rejects.toThrow('not a bound parameter');
	});
});
