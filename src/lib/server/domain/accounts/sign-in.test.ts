import { describe, expect, it } from 'vitest';
import { anonymousCtxOf } from '../../test/context';
import { appError as failure } from '../../test/expect-error';
import { useTestDatabase } from '../../test/vitest';
import { makeSchool, makeUser, testPassword } from '../../test/factories';
import { ValidationError } from '../../validation';
import { resolveSession } from './sessions';
import { signIn } from './sign-in';
import { throttleLimits } from './throttle';

const t = useTestDatabase();
const ip = '10.0.0.1';

describe('signIn', () => {
	it('opens a new session for the right password, whatever the case of the email', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id, email: 'nurlan@mektep.kg' });
		const result = await signIn(anonymousCtxOf(t.db), {
			email: ' Nurlan@Mektep.KG ',
			password: testPassword,
			ip
		});
		expect(result.userId).toBe(user.id);
		const session = await resolveSession(t.db, result.session.token);
		expect(session?.actor.id).toBe(user.id);
		const again = await signIn(anonymousCtxOf(t.db), {
			email: user.email,
			password: testPassword,
			ip
		});
		expect(again.session.id).not.toBe(result.session.id);
	});

	it('gives the same answer for an unknown email and a wrong password', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const wrong = await failure(
			signIn(anonymousCtxOf(t.db), {
				email: user.email,
				password: 'wrong password!',
				ip: '10.0.0.2'
			})
		);
		const unknown = await failure(
			signIn(anonymousCtxOf(t.db), {
				email: 'nobody@mektep.kg',
				password: 'wrong password!',
				ip: '10.0.0.3'
			})
		);
		expect(wrong.messageKey).toBe('error_wrong_credentials');
		expect(unknown.messageKey).toBe(wrong.messageKey);
		expect(unknown.field).toBe(wrong.field);
	});

	it('refuses a deactivated account even with the right password', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id, isActive: false });
		const error = await failure(
			signIn(anonymousCtxOf(t.db), { email: user.email, password: testPassword, ip: '10.0.0.4' })
		);
		expect(error.messageKey).toBe('error_account_deactivated');
	});

	it('validates the form before anything else', async () => {
		const error = await failure(
			signIn(anonymousCtxOf(t.db), { email: 'not-an-email', password: '', ip })
		);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual([
			'email',
			'password'
		]);
	});
});

describe('login throttling', () => {
	it(`locks an account after ${throttleLimits.perAccount} failures, also for the right password`, async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const now = new Date();
		for (let i = 0; i < throttleLimits.perAccount; i++) {
			const error = await failure(
				signIn(anonymousCtxOf(t.db, now), {
					email: user.email,
					password: `bad-${i}-password`,
					ip: `10.1.0.${i}`
				})
			);
			expect(error.code).toBe('invalid');
		}
		const locked = await failure(
			signIn(anonymousCtxOf(t.db, now), {
				email: user.email,
				password: testPassword,
				ip: '10.1.1.1'
			})
		);
		expect(locked.code).toBe('rate_limited');
		expect(locked.status).toBe(429);
		expect(locked.retryAfterSeconds).toBeGreaterThan(0);
		expect(locked.retryAfterSeconds).toBeLessThanOrEqual(throttleLimits.windowMs / 1000);

		// The window slides: after it, the right password works again and clears the count.
		const later = new Date(now.getTime() + throttleLimits.windowMs + 1000);
		const ok = await signIn(anonymousCtxOf(t.db, later), {
			email: user.email,
			password: testPassword,
			ip: '10.1.1.1'
		});
		expect(ok.userId).toBe(user.id);
	});

	it(`limits one address to ${throttleLimits.perIp} failures across accounts`, async () => {
		const now = new Date();
		const address = '10.2.0.1';
		for (let i = 0; i < throttleLimits.perIp; i++) {
			await failure(
				signIn(anonymousCtxOf(t.db, now), {
					email: `spray${i}@mektep.kg`,
					password: 'guess-guess',
					ip: address
				})
			);
		}
		const blocked = await failure(
			signIn(anonymousCtxOf(t.db, now), {
				email: 'another@mektep.kg',
				password: 'guess-guess',
				ip: address
			})
		);
		expect(blocked.code).toBe('rate_limited');
		const elsewhere = await failure(
			signIn(anonymousCtxOf(t.db, now), {
				email: 'another@mektep.kg',
				password: 'guess-guess',
				ip: '10.2.0.2'
			})
		);
		expect(elsewhere.code).toBe('invalid');
	});
});
