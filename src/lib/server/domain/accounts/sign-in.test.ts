import { describe, expect, it } from 'vitest';
import { anonymousCtxOf } from '../../test/context';
import { appError as failure } from '../../test/expect-error';
import { useTestDatabase } from '../../test/vitest';
import { makeSchool, makeUser, testPassword } from '../../test/factories';
import { ValidationError } from '../../validation';
import { resolveSession, sessionLimits } from './sessions';
import { signIn, type SignInResult } from './sign-in';
import { throttleLimits } from './throttle';

const t = useTestDatabase();
const ip = '10.0.0.1';

/** The session a sign-in opened (none of these users has a second factor). */
function sessionOf(result: SignInResult) {
	if (!('session' in result)) throw new Error('a challenge, not a session');
	return result.session;
}

const eventsOf = (userId: string) =>
	t.db
		.selectFrom('securityEvents')
		.select(['kind', 'ip', 'schoolId'])
		.where('userId', '=', userId)
		.orderBy('id')
		.execute();

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
		const session = await resolveSession(t.db, sessionOf(result).token);
		expect(session?.actor.id).toBe(user.id);
		expect(session?.isSharedComputer).toBe(false);
		const again = await signIn(anonymousCtxOf(t.db), {
			email: user.email,
			password: testPassword,
			ip
		});
		expect(sessionOf(again).id).not.toBe(sessionOf(result).id);
		expect(await eventsOf(user.id)).toEqual([
			{ kind: 'sign_in', ip, schoolId: school.id },
			{ kind: 'sign_in', ip, schoolId: school.id }
		]);
	});

	it('opens a shared computer session: its cookie ends with the browser, it ends after 2 h unused', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const start = new Date();
		const result = await signIn(anonymousCtxOf(t.db, start), {
			email: user.email,
			password: testPassword,
			isSharedComputer: true,
			ip
		});
		const session = sessionOf(result);
		expect(session.isSharedComputer).toBe(true);
		const at = (ms: number) => new Date(start.getTime() + ms);
		const used = await resolveSession(t.db, session.token, at(90 * 60_000));
		expect(used?.isSharedComputer).toBe(true);
		// Use moved the end; the cookie has no expiry to renew.
		expect(used?.renewedUntil).toBeUndefined();
		expect(
			await resolveSession(
				t.db,
				session.token,
				at(90 * 60_000 + sessionLimits.shared.idleMs - 60_000)
			)
		).not.toBeNull();
		const lastUse = 90 * 60_000 + sessionLimits.shared.idleMs - 60_000;
		expect(
			await resolveSession(t.db, session.token, at(lastUse + sessionLimits.shared.idleMs + 1000))
		).toBeNull();
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

	it('answers a deactivated account as a wrong password, whatever the password, and counts it', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id, isActive: false });
		const right = await failure(
			signIn(anonymousCtxOf(t.db), { email: user.email, password: testPassword, ip: '10.0.0.4' })
		);
		const wrong = await failure(
			signIn(anonymousCtxOf(t.db), {
				email: user.email,
				password: 'wrong password!',
				ip: '10.0.0.4'
			})
		);
		for (const error of [right, wrong]) {
			expect(error.code).toBe('invalid');
			expect(error.messageKey).toBe('error_wrong_credentials');
			expect(error.field).toBe('password');
		}
		const failures = await t.db
			.selectFrom('loginFailures')
			.select('id')
			.where('key', '=', `account:${user.email}`)
			.execute();
		expect(failures).toHaveLength(2);
		expect((await eventsOf(user.id)).map((e) => e.kind)).toEqual([
			'sign_in_failed',
			'sign_in_failed'
		]);
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
	it(`evaluates at most ${throttleLimits.perAccount} of 20 parallel wrong passwords; then even the right one waits`, async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				failure(
					signIn(anonymousCtxOf(t.db, now), {
						email: user.email,
						password: `parallel-guess-${i}`,
						ip: `10.9.0.${i}`
					})
				)
			)
		);
		const evaluated = results.filter((e) => e.code === 'invalid').length;
		expect(evaluated).toBeLessThanOrEqual(throttleLimits.perAccount);
		expect(results.filter((e) => e.code === 'rate_limited')).toHaveLength(20 - evaluated);
		const locked = await failure(
			signIn(anonymousCtxOf(t.db, now), { email: user.email, password: testPassword, ip })
		);
		expect(locked.code).toBe('rate_limited');
		const kinds = (await eventsOf(user.id)).map((e) => e.kind);
		expect(kinds.filter((k) => k === 'sign_in_failed')).toHaveLength(evaluated);
		if (evaluated === throttleLimits.perAccount) expect(kinds).toContain('locked_out');

		const later = new Date(now.getTime() + throttleLimits.windowMs + 1000);
		const ok = await signIn(anonymousCtxOf(t.db, later), {
			email: user.email,
			password: testPassword,
			ip
		});
		expect(ok.userId).toBe(user.id);
	});

	it('does not count successful sign-ins against the address', async () => {
		const address = '10.3.0.1';
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		for (let i = 0; i < throttleLimits.perIp + 2; i++)
			await signIn(anonymousCtxOf(t.db), {
				email: user.email,
				password: testPassword,
				ip: address
			});
		const rows = await t.db
			.selectFrom('loginFailures')
			.select('id')
			.where('key', '=', `ip:${address}`)
			.execute();
		expect(rows).toHaveLength(0);
	});

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
