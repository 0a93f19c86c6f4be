import { describe, expect, it } from 'vitest';
import { actorOf, makeSchool, makeUser, testPassword } from '../../test/factories';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { useTestDatabase } from '../../test/vitest';
import { formInput } from '../../web/form-input';
import { updateSecuritySettingsInput } from './input-security';
import { defaultSecuritySettings, getSecuritySettings } from './security-settings';
import { updateSecuritySettings } from './update-security-settings';

// Issue 16: the deployment's security settings, set by an operator who re-enters the password.

const t = useTestDatabase();

async function deployment() {
	await t.db
		.insertInto('deployment')
		.values({ id: 1, setupAt: new Date() })
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
	const school = await makeSchool(t.db);
	const operator = actorOf(
		await makeUser(t.db, { schoolId: school.id, role: 'admin', isOperator: true })
	);
	const admin = actorOf(await makeUser(t.db, { schoolId: school.id, role: 'admin' }));
	return { operator, admin };
}

describe('deployment security settings', () => {
	it('are the defaults before setup and after it', async () => {
		expect(await getSecuritySettings(t.db)).toEqual(defaultSecuritySettings);
		await deployment();
		expect(await getSecuritySettings(t.db)).toEqual({
			secretVoteMinBallots: 3,
			isTwoFactorRequired: false
		});
	});

	it('an operator changes them with the password; a security event records it', async () => {
		const { operator } = await deployment();
		await updateSecuritySettings(
			ctxOf(t.db, operator),
			formInput(updateSecuritySettingsInput, {
				secretVoteMinBallots: '5',
				isTwoFactorRequired: 'on',
				password: testPassword
			})
		);
		expect(await getSecuritySettings(t.db)).toEqual({
			secretVoteMinBallots: 5,
			isTwoFactorRequired: true
		});
		const events = await t.db
			.selectFrom('securityEvents')
			.selectAll()
			.where('kind', '=', 'settings_changed')
			.execute();
		expect(events).toHaveLength(1);
		expect(events[0]!.actorId).toBe(operator.id);
		expect(JSON.parse(events[0]!.detail!)).toMatchObject({
			secretVoteMinBallots: 5,
			isTwoFactorRequired: true
		});
		// Unticked: off again.
		await updateSecuritySettings(
			ctxOf(t.db, operator),
			formInput(updateSecuritySettingsInput, { secretVoteMinBallots: '5', password: testPassword })
		);
		expect((await getSecuritySettings(t.db)).isTwoFactorRequired).toBe(false);
	});

	it('refuses a school admin, a wrong password and a number out of 1–20', async () => {
		const { operator, admin } = await deployment();
		const before = await getSecuritySettings(t.db);
		const input = { secretVoteMinBallots: 4, isTwoFactorRequired: true, password: testPassword };
		expect((await appError(updateSecuritySettings(ctxOf(t.db, admin), input))).code).toBe(
			'forbidden'
		);
		expect(
			await appError(
				updateSecuritySettings(ctxOf(t.db, operator), { ...input, password: 'wrong password' })
			)
		).toMatchObject({ code: 'invalid', field: 'password' });
		for (const secretVoteMinBallots of [0, 21, 2.5]) {
			const error = await appError(
				updateSecuritySettings(ctxOf(t.db, operator), { ...input, secretVoteMinBallots })
			);
			expect(error.code).toBe('invalid');
		}
		const typed = await appError(
			updateSecuritySettings(
				ctxOf(t.db, operator),
				formInput(updateSecuritySettingsInput, {
					secretVoteMinBallots: 'three',
					password: testPassword
				})
			)
		);
		expect(typed.code).toBe('invalid');
		expect(await getSecuritySettings(t.db)).toEqual(before);
	});
});
