import { describe, expect, it } from 'vitest';
import { actorOf, testPassword, makeSchool, makeUser } from '../../test/factories';
import { formInput } from '../../web/form-input';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { useTestDatabase } from '../../test/vitest';
import { changeStaffRole } from './change-staff-role';
import { deactivateAccount } from './deactivate-account';
import { getStaffMember } from './get-staff-member';
import { changeStaffRoleInput } from './input-admin';
import { reactivateAccount } from './reactivate-account';
import { createSession, resolveSession } from './sessions';

const t = useTestDatabase();

async function school() {
	const s = await makeSchool(t.db);
	const admin = actorOf(await makeUser(t.db, { schoolId: s.id, role: 'admin' }));
	const teacher = await makeUser(t.db, { schoolId: s.id, role: 'teacher' });
	return { id: s.id, admin, teacher };
}

describe('deactivating and reactivating accounts', () => {
	it('ends every session of the account and blocks it; reactivation lets it back', async () => {
		const a = await school();
		const sessions = [
			await createSession(t.db, a.teacher.id),
			await createSession(t.db, a.teacher.id)
		];
		await deactivateAccount(ctxOf(t.db, a.admin), { userId: a.teacher.id, password: testPassword });
		for (const s of sessions) expect(await resolveSession(t.db, s.token)).toBeNull();
		const count = await t.db
			.selectFrom('sessions')
			.select('id')
			.where('userId', '=', a.teacher.id)
			.execute();
		expect(count).toHaveLength(0);
		const member = await getStaffMember(ctxOf(t.db, a.admin), { userId: a.teacher.id });
		expect(member).toMatchObject({ isActive: false });
		expect(member.deactivatedAt).toBeInstanceOf(Date);

		await reactivateAccount(ctxOf(t.db, a.admin), { userId: a.teacher.id, password: testPassword });
		expect(await getStaffMember(ctxOf(t.db, a.admin), { userId: a.teacher.id })).toMatchObject({
			isActive: true,
			deactivatedAt: null
		});
	});

	it('never lets an admin lock the school out', async () => {
		const a = await school();
		expect(
			(
				await appError(
					deactivateAccount(ctxOf(t.db, a.admin), { userId: a.admin.id, password: testPassword })
				)
			).messageKey
		).toBe('error_cannot_change_self');
		const second = await makeUser(t.db, { schoolId: a.id, role: 'admin' });
		const secondActor = actorOf(second);
		await deactivateAccount(ctxOf(t.db, secondActor), {
			userId: a.admin.id,
			password: testPassword
		}); // two admins: allowed
		expect(
			(
				await appError(
					changeStaffRole(ctxOf(t.db, secondActor), {
						userId: secondActor.id,
						role: 'teacher',
						password: testPassword
					})
				)
			).messageKey
		).toBe('error_cannot_change_self');
	});

	it('keeps at least one active admin when roles change', async () => {
		const a = await school();
		const operator = actorOf(
			await makeUser(t.db, { schoolId: null, role: null, isOperator: true })
		);
		expect(
			(
				await appError(
					changeStaffRole(ctxOf(t.db, operator), {
						userId: a.admin.id,
						role: 'teacher',
						password: testPassword
					})
				)
			).messageKey
		).toBe('error_last_admin');
		expect(
			(
				await appError(
					deactivateAccount(ctxOf(t.db, operator), { userId: a.admin.id, password: testPassword })
				)
			).messageKey
		).toBe('error_last_admin');
		await changeStaffRole(ctxOf(t.db, a.admin), {
			userId: a.teacher.id,
			role: 'admin',
			password: testPassword
		});
		await changeStaffRole(ctxOf(t.db, operator), {
			userId: a.admin.id,
			role: 'teacher',
			password: testPassword
		});
		const row = await t.db
			.selectFrom('users')
			.select('role')
			.where('id', '=', a.admin.id)
			.executeTakeFirstOrThrow();
		expect(row.role).toBe('teacher');
	});

	it('hides other schools’ accounts and refuses teachers', async () => {
		const a = await school();
		const b = await school();
		const teacherActor = actorOf(a.teacher);
		const other = await makeUser(t.db, { schoolId: a.id });
		expect(
			(
				await appError(
					deactivateAccount(ctxOf(t.db, b.admin), { userId: a.teacher.id, password: testPassword })
				)
			).code
		).toBe('not_found');
		expect(
			(
				await appError(
					reactivateAccount(ctxOf(t.db, b.admin), { userId: a.teacher.id, password: testPassword })
				)
			).code
		).toBe('not_found');
		expect(
			(await appError(getStaffMember(ctxOf(t.db, b.admin), { userId: a.teacher.id }))).code
		).toBe('not_found');
		expect(
			(
				await appError(
					changeStaffRole(ctxOf(t.db, b.admin), {
						userId: a.teacher.id,
						role: 'admin',
						password: testPassword
					})
				)
			).code
		).toBe('not_found');
		expect(
			(
				await appError(
					deactivateAccount(ctxOf(t.db, teacherActor), { userId: other.id, password: testPassword })
				)
			).code
		).toBe('not_found');
	});

	it('rejects an unknown role', async () => {
		const a = await school();
		const error = await appError(
			changeStaffRole(
				ctxOf(t.db, a.admin),
				formInput(
					changeStaffRoleInput,
					{ role: 'director', password: testPassword },
					{ userId: a.teacher.id }
				)
			)
		);
		expect(error.code).toBe('invalid');
	});
});
