import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/vitest';
import { signIn } from '../domain/accounts/sign-in';
import { demoPassword, seedDemo } from './seed';

const t = useTestDatabase();

describe('demo seed', () => {
	it('makes a Kyrgyz school whose every printed account can sign in', async () => {
		const accounts = await seedDemo(t.db);
		const roles = accounts.map((a) => a.role);
		expect(roles.filter((r) => r === 'admin')).toHaveLength(2);
		expect(roles.filter((r) => r === 'teacher')).toHaveLength(12);
		expect(roles.filter((r) => r === 'scientist')).toHaveLength(1);
		expect(accounts.some((a) => /[ңөү]/i.test(a.fullName))).toBe(true);
		for (const account of accounts.slice(0, 3))
			await expect(
				signIn(t.db, { email: account.email, password: demoPassword }, { ip: '10.0.0.1' })
			).resolves.toBeTruthy();
		const subjects = await t.db.selectFrom('userSubjects').select('userId').execute();
		expect(subjects.length).toBeGreaterThanOrEqual(15);
		const inactive = await t.db
			.selectFrom('users')
			.select('id')
			.where('isActive', '=', false)
			.execute();
		expect(inactive).toHaveLength(1);
	});
});
