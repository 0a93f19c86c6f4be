import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMailServer } from '../../mail';
import { actorOf, makeSchool, makeUser, testPassword } from '../../test/factories';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { startTestSmtp, type TestSmtp } from '../../test/smtp';
import { useTestDatabase } from '../../test/vitest';
import { changeStaffRole } from './change-staff-role';
import { reauthLimits } from './confirm-password';
import { deactivateAccount } from './deactivate-account';
import { getStaffMember } from './get-staff-member';
import { grantOperator } from './grant-operator';
import { issuePasswordReset } from './issue-password-reset';
import { listOperators } from './list-operators';
import { reactivateAccount } from './reactivate-account';
import { revokeOperator } from './revoke-operator';

// Issue 16, finding 1: the operator is a role of its own that no school admin manages, and
// the deployment always keeps one active operator. Finding 2: admin actions on other people
// are confirmed by the actor's password. Finding 3: the person hears of an issued reset link.

const t = useTestDatabase();
let smtp: TestSmtp;

beforeAll(async () => {
	smtp = await startTestSmtp();
	setMailServer(smtp.url);
});
afterAll(async () => {
	setMailServer(undefined);
	await smtp?.stop();
});

/** A school whose first admin operates the deployment (as setup makes it), and another admin. */
async function deployment() {
	const school = await makeSchool(t.db);
	const founder = await makeUser(t.db, { schoolId: school.id, role: 'admin', isOperator: true });
	const admin = await makeUser(t.db, { schoolId: school.id, role: 'admin' });
	const teacher = await makeUser(t.db, { schoolId: school.id, role: 'teacher' });
	return { school, founder, admin, teacher };
}

const row = (id: string) =>
	t.db
		.selectFrom('users')
		.select(['role', 'isOperator', 'isActive'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();

const events = (kind: string, userId: string) =>
	t.db
		.selectFrom('securityEvents')
		.selectAll()
		.where('kind', '=', kind)
		.where('userId', '=', userId)
		.execute();

describe('a school admin and the operator of their school', () => {
	it('cannot reset, demote, deactivate nor reactivate the operator (403)', async () => {
		const d = await deployment();
		const ctx = ctxOf(t.db, actorOf(d.admin));
		const input = { userId: d.founder.id, password: testPassword };
		for (const attempt of [
			() => issuePasswordReset(ctx, input),
			() => changeStaffRole(ctx, { ...input, role: 'teacher' }),
			() => deactivateAccount(ctx, input),
			() => reactivateAccount(ctx, input)
		]) {
			const error = await appError(attempt());
			expect(error.code).toBe('forbidden');
			expect(error.messageKey).toBe('operator_error_operator_only');
		}
		expect(await row(d.founder.id)).toEqual({ role: 'admin', isOperator: true, isActive: true });
		const links = await t.db
			.selectFrom('passwordResets')
			.select('id')
			.where('userId', '=', d.founder.id)
			.execute();
		expect(links).toEqual([]);
		// The admin still sees the operator among the school's staff, without the actions.
		const member = await getStaffMember(ctx, { userId: d.founder.id });
		expect(member).toMatchObject({ isOperator: true, canManage: false });
		expect(
			(await getStaffMember(ctx, { userId: d.teacher.id })).canManage,
			'the other staff stay the admin’s to manage'
		).toBe(true);
	});

	it('another operator manages the operator; their school role is separate from operator rights', async () => {
		const d = await deployment();
		const other = actorOf(await makeUser(t.db, { schoolId: null, role: null, isOperator: true }));
		const ctx = ctxOf(t.db, other);
		const input = { userId: d.founder.id, password: testPassword };
		await changeStaffRole(ctx, { ...input, role: 'teacher' });
		// A demoted operator keeps operator rights only because an operator chose so.
		expect(await row(d.founder.id)).toEqual({ role: 'teacher', isOperator: true, isActive: true });
		await deactivateAccount(ctx, input);
		expect((await row(d.founder.id)).isActive).toBe(false);
		await reactivateAccount(ctx, input);
		expect((await row(d.founder.id)).isActive).toBe(true);
		const { url } = await issuePasswordReset(ctx, input);
		expect(url).toMatch(/\/reset\//);
		expect(await events('role_changed', d.founder.id)).toHaveLength(1);
		expect(await events('deactivated', d.founder.id)).toHaveLength(1);
		expect(await events('reactivated', d.founder.id)).toHaveLength(1);
		expect(await events('reset_issued', d.founder.id)).toMatchObject([
			{ actorId: other.id, schoolId: d.school.id }
		]);
	});
});

describe('the last active operator', () => {
	it('can be neither deactivated nor stripped of operator rights (409)', async () => {
		const d = await deployment();
		// This deployment's founder is its only operator (earlier tests made others).
		await t.db
			.updateTable('users')
			.set({ isOperator: false })
			.where('id', '!=', d.founder.id)
			.execute();
		const second = await makeUser(t.db, { schoolId: d.school.id, role: 'teacher' });
		const founder = actorOf(d.founder);
		await grantOperator(ctxOf(t.db, founder), { email: second.email, password: testPassword });
		const secondActor = actorOf({ ...second, isOperator: true });
		// The founder's rights are taken at the same moment by someone else (a race): the
		// second operator's request, decided afterwards, must not leave the deployment without one.
		await t.db
			.updateTable('users')
			.set({ isOperator: false })
			.where('id', '=', d.founder.id)
			.execute();
		const staleFounder = ctxOf(t.db, founder);
		const input = { userId: second.id, password: testPassword };
		for (const attempt of [
			() => deactivateAccount(staleFounder, input),
			() => revokeOperator(staleFounder, input)
		]) {
			const error = await appError(attempt());
			expect(error.code).toBe('conflict');
			expect(error.messageKey).toBe('operator_error_last_operator');
		}
		expect(await row(second.id)).toMatchObject({ isOperator: true, isActive: true });
		// With two active operators, one may revoke the other, never themselves.
		await t.db
			.updateTable('users')
			.set({ isOperator: true })
			.where('id', '=', d.founder.id)
			.execute();
		expect(
			(
				await appError(
					revokeOperator(ctxOf(t.db, secondActor), { userId: second.id, password: testPassword })
				)
			).messageKey
		).toBe('error_cannot_change_self');
		await revokeOperator(ctxOf(t.db, secondActor), {
			userId: d.founder.id,
			password: testPassword
		});
		expect(await row(d.founder.id)).toMatchObject({ isOperator: false, role: 'admin' });
		expect(await events('operator_granted', second.id)).toHaveLength(1);
		expect(await events('operator_revoked', d.founder.id)).toMatchObject([{ actorId: second.id }]);
	});

	it('grants operator rights only to active staff, and only an operator does', async () => {
		const d = await deployment();
		const founder = ctxOf(t.db, actorOf(d.founder));
		const gone = await makeUser(t.db, { schoolId: d.school.id, isActive: false });
		const scientist = await makeUser(t.db, { schoolId: null, role: 'scientist' });
		for (const email of [gone.email, scientist.email, 'nobody@test.kg']) {
			const error = await appError(grantOperator(founder, { email, password: testPassword }));
			expect(error).toMatchObject({ code: 'invalid', field: 'email' });
		}
		expect(
			(
				await appError(
					grantOperator(ctxOf(t.db, actorOf(d.admin)), {
						email: d.teacher.email,
						password: testPassword
					})
				)
			).code
		).toBe('forbidden');
		expect((await appError(listOperators(ctxOf(t.db, actorOf(d.admin))))).code).toBe('forbidden');
		await grantOperator(founder, { email: d.teacher.email.toUpperCase(), password: testPassword });
		expect(await row(d.teacher.id)).toEqual({ role: 'teacher', isOperator: true, isActive: true });
		const listed = await listOperators(founder);
		expect(listed.map((o) => o.id)).toEqual(expect.arrayContaining([d.founder.id, d.teacher.id]));
	});
});

describe('re-entering the password', () => {
	it('is required for every admin action on another person, and a wrong one changes nothing', async () => {
		const d = await deployment();
		const ctx = ctxOf(t.db, actorOf(d.admin));
		const missing = await appError(deactivateAccount(ctx, { userId: d.teacher.id, password: '' }));
		expect(missing.code).toBe('invalid');
		const wrong = { userId: d.teacher.id, password: 'not my password at all' };
		for (const attempt of [
			() => issuePasswordReset(ctx, wrong),
			() => changeStaffRole(ctx, { ...wrong, role: 'admin' }),
			() => deactivateAccount(ctx, wrong)
		]) {
			const error = await appError(attempt());
			expect(error).toMatchObject({
				code: 'invalid',
				field: 'password',
				messageKey: 'operator_error_wrong_password'
			});
		}
		expect(await row(d.teacher.id)).toEqual({ role: 'teacher', isOperator: false, isActive: true });
	});

	it(`stops after ${reauthLimits.perActor} wrong passwords, even a right one then (429)`, async () => {
		const d = await deployment();
		const ctx = ctxOf(t.db, actorOf(d.admin));
		for (let i = 0; i < reauthLimits.perActor; i++)
			await appError(deactivateAccount(ctx, { userId: d.teacher.id, password: `wrong-${i}` }));
		const blocked = await appError(
			deactivateAccount(ctx, { userId: d.teacher.id, password: testPassword })
		);
		expect(blocked).toMatchObject({ code: 'rate_limited', field: 'password' });
		expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
		expect((await row(d.teacher.id)).isActive).toBe(true);
		// Another admin is not held back by it.
		const other = await makeUser(t.db, { schoolId: d.school.id, role: 'admin' });
		await deactivateAccount(ctxOf(t.db, actorOf(other)), {
			userId: d.teacher.id,
			password: testPassword
		});
		expect((await row(d.teacher.id)).isActive).toBe(false);
	});
});

describe('a reset link issued by an admin', () => {
	it('tells the person in the inbox and by email, even with their email turned off', async () => {
		const d = await deployment();
		await t.db
			.insertInto('notificationPreferences')
			.values({
				userId: d.teacher.id,
				kind: 'account.reset_issued',
				email: 'off',
				hasTelegram: false
			})
			.execute();
		const issued = await issuePasswordReset(ctxOf(t.db, actorOf(d.admin)), {
			userId: d.teacher.id,
			password: testPassword
		});
		expect(await issued.noticeSent).toBe(true);
		const notices = await t.db
			.selectFrom('notifications')
			.select(['kind', 'actorId', 'link'])
			.where('userId', '=', d.teacher.id)
			.execute();
		expect(notices).toEqual([
			{ kind: 'account.reset_issued', actorId: d.admin.id, link: '/profile' }
		]);
		const [mail] = smtp.to(d.teacher.email);
		expect(mail?.subject).toBe(
			'Устат: аккаунтуңуз үчүн сырсөздү калыбына келтирүү шилтемеси берилди'
		);
		expect(mail?.text).toContain(d.admin.fullName);
		expect(mail?.text).toContain('Бул шилтемени сиз сурабаган болсоңуз');
		// The link itself is never in the notice: only the admin holds it.
		expect(mail?.text).not.toContain(issued.url);
		expect(await events('reset_issued', d.teacher.id)).toMatchObject([
			{ actorId: d.admin.id, schoolId: d.school.id }
		]);
	});
});
