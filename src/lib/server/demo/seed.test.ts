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

	it('gives the school two active groups and a closed one, with history, plans and minutes', async () => {
		const groups = await t.db.selectFrom('groups').select(['id', 'name', 'closedAt']).execute();
		expect(groups.filter((g) => g.closedAt === null)).toHaveLength(2);
		expect(groups.filter((g) => g.closedAt !== null)).toHaveLength(1);
		const events = await t.db
			.selectFrom('groupEvents')
			.select(['kind', 'previousUserId'])
			.execute();
		expect(events.some((e) => e.kind === 'leader_changed' && e.previousUserId)).toBe(true);
		expect(events.filter((e) => e.kind === 'left')).toHaveLength(1);
		const pending = await t.db
			.selectFrom('membershipRequests')
			.select('kind')
			.where('status', '=', 'pending')
			.execute();
		expect(pending.map((p) => p.kind).sort()).toEqual(['invitation', 'request']);
		const meetings = await t.db.selectFrom('meetings').select('id').execute();
		expect(meetings).toHaveLength(2);
		const decided = await t.db
			.selectFrom('meetingAgendaItems')
			.select('decided')
			.where('decided', '!=', '')
			.execute();
		expect(decided.length).toBeGreaterThanOrEqual(3);
		const plan = await t.db.selectFrom('planItems').select(['dueOn', 'status']).execute();
		const today = new Date().toISOString().slice(0, 10);
		expect(plan.some((i) => i.status === 'planned' && i.dueOn < today)).toBe(true);
		expect(plan.some((i) => i.status === 'planned' && i.dueOn > today)).toBe(true);
	});
});
