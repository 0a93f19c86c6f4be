import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/vitest';
import { makeSchool, makeUser } from '../../test/factories';
import { createSession, endSession, resolveSession } from './sessions';

const t = useTestDatabase();
const day = 24 * 60 * 60 * 1000;

describe('sessions', () => {
	it('resolve to the actor until they end', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id, role: 'admin', locale: 'ru' });
		const session = await createSession(t.db, user.id);
		const resolved = await resolveSession(t.db, session.token);
		expect(resolved?.actor).toMatchObject({
			id: user.id,
			role: 'admin',
			schoolId: school.id,
			locale: 'ru'
		});
		await endSession(t.db, session.token);
		expect(await resolveSession(t.db, session.token)).toBeNull();
	});

	it('ignore unknown, malformed and expired tokens', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const start = new Date();
		const session = await createSession(t.db, user.id, {}, start);
		expect(await resolveSession(t.db, 'x')).toBeNull();
		expect(await resolveSession(t.db, session.token + 'x')).toBeNull();
		expect(
			await resolveSession(t.db, session.token, new Date(start.getTime() + 15 * day))
		).toBeNull();
	});

	it('slide while used, but not past the absolute limit', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const start = new Date();
		const session = await createSession(t.db, user.id, {}, start);
		let now = start;
		for (let i = 0; i < 6; i++) {
			now = new Date(now.getTime() + 10 * day);
			const resolved = await resolveSession(t.db, session.token, now);
			expect(resolved, `day ${(i + 1) * 10}`).not.toBeNull();
			expect(resolved?.renewedUntil).toBeInstanceOf(Date);
		}
		expect(
			await resolveSession(t.db, session.token, new Date(start.getTime() + 61 * day))
		).toBeNull();
	});

	it('do not write on every request', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const session = await createSession(t.db, user.id);
		const resolved = await resolveSession(t.db, session.token, new Date(Date.now() + 60_000));
		expect(resolved?.renewedUntil).toBeUndefined();
	});

	it('stop working when the account is deactivated', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const session = await createSession(t.db, user.id);
		await t.db.updateTable('users').set({ isActive: false }).where('id', '=', user.id).execute();
		expect(await resolveSession(t.db, session.token)).toBeNull();
	});
});
