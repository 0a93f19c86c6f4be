import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import type { UserId } from '../ids';
import { actorOf, makeSchool, makeUser, testPassword } from '../../test/factories';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { useTestDatabase } from '../../test/vitest';
import { getStaffMember } from './get-staff-member';
import { turnOffTwoFactor } from './turn-off-two-factor';

// A teacher who lost both their phone and their recovery codes is let back in by an admin of
// their school, under the rules of a reset link: never an operator's by a school admin.

const t = useTestDatabase();

async function withTwoFactor(userId: string) {
	const now = new Date();
	await t.db
		.insertInto('twoFactorSecrets')
		.values({
			userId,
			secretKeyMaterial: 'sealed',
			confirmedAt: now,
			lastUsedStep: null,
			createdAt: now
		})
		.execute();
	await t.db
		.insertInto('recoveryCodes')
		.values({ id: newId(), userId, codeHash: 'x', createdAt: now, usedAt: null })
		.execute();
}

const left = async (userId: string) => ({
	secrets: (
		await t.db
			.selectFrom('twoFactorSecrets')
			.select('userId')
			.where('userId', '=', userId)
			.execute()
	).length,
	codes: (
		await t.db.selectFrom('recoveryCodes').select('id').where('userId', '=', userId).execute()
	).length
});

describe('an admin turns off a person’s two-factor sign-in', () => {
	it('removes the secret and the recovery codes, and records who did it', async () => {
		const school = await makeSchool(t.db);
		const admin = await makeUser(t.db, { schoolId: school.id, role: 'admin' });
		const teacher = await makeUser(t.db, { schoolId: school.id });
		await withTwoFactor(teacher.id);
		const ctx = ctxOf(t.db, actorOf(admin));
		expect((await getStaffMember(ctx, { userId: teacher.id })).hasTwoFactor).toBe(true);

		await turnOffTwoFactor(ctx, { userId: teacher.id, password: testPassword, ip: '10.0.0.1' });
		expect(await left(teacher.id)).toEqual({ secrets: 0, codes: 0 });
		expect((await getStaffMember(ctx, { userId: teacher.id })).hasTwoFactor).toBe(false);
		const event = await t.db
			.selectFrom('securityEvents')
			.selectAll()
			.where('kind', '=', 'two_factor_disabled')
			.executeTakeFirstOrThrow();
		expect(event).toMatchObject({ userId: teacher.id, actorId: admin.id, schoolId: school.id });
	});

	it('asks for the admin’s password and leaves everything on a wrong one', async () => {
		const school = await makeSchool(t.db);
		const admin = await makeUser(t.db, { schoolId: school.id, role: 'admin' });
		const teacher = await makeUser(t.db, { schoolId: school.id });
		await withTwoFactor(teacher.id);
		const wrong = await appError(
			turnOffTwoFactor(ctxOf(t.db, actorOf(admin)), {
				userId: teacher.id,
				password: 'not mine at all'
			})
		);
		expect(wrong.code).toBe('invalid');
		expect(await left(teacher.id)).toEqual({ secrets: 1, codes: 1 });
	});

	it('is refused for the operator (403), to a teacher and to another school (404)', async () => {
		const school = await makeSchool(t.db);
		const other = await makeSchool(t.db);
		const operator = await makeUser(t.db, { schoolId: school.id, role: 'admin', isOperator: true });
		const admin = await makeUser(t.db, { schoolId: school.id, role: 'admin' });
		const teacher = await makeUser(t.db, { schoolId: school.id });
		const otherAdmin = await makeUser(t.db, { schoolId: other.id, role: 'admin' });
		await withTwoFactor(operator.id);
		await withTwoFactor(teacher.id);
		const as = (user: typeof admin) => ctxOf(t.db, actorOf(user));
		const input = (userId: UserId) => ({ userId, password: testPassword });

		expect((await appError(turnOffTwoFactor(as(admin), input(operator.id)))).code).toBe(
			'forbidden'
		);
		expect((await appError(turnOffTwoFactor(as(teacher), input(admin.id)))).code).toBe('not_found');
		expect((await appError(turnOffTwoFactor(as(otherAdmin), input(teacher.id)))).code).toBe(
			'not_found'
		);
		expect(await left(operator.id)).toEqual({ secrets: 1, codes: 1 });
		expect(await left(teacher.id)).toEqual({ secrets: 1, codes: 1 });
	});
});
