import { randomBytes } from 'node:crypto';
import { TOTP, Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { anonymousCtxOf, ctxOf } from '../../test/context';
import { appError as failure } from '../../test/expect-error';
import { actorOf, makeSchool, makeUser, testPassword, type TestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/vitest';
import { challengeLimits } from './challenge';
import { throttleLimits } from './throttle';
import { completeSignIn } from './complete-sign-in';
import { confirmTwoFactor } from './confirm-two-factor';
import { disableTwoFactor } from './disable-two-factor';
import { getTwoFactor } from './get-two-factor';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes';
import { createSession, resolveSession } from './sessions';
import { signIn } from './sign-in';
import { startTwoFactor } from './start-two-factor';
import { twoFactorSeal } from './two-factor-seal';

const t = useTestDatabase();
const seal = twoFactorSeal(randomBytes(32));
const ip = '10.5.0.1';

/** The code an authenticator app shows at a moment, from the secret kept (sealed) in the table. */
async function codeAt(userId: string, at: Date): Promise<string> {
	const row = await t.db
		.selectFrom('twoFactorSecrets')
		.select('secretKeyMaterial')
		.where('userId', '=', userId)
		.executeTakeFirstOrThrow();
	const secret = seal.open(userId, row.secretKeyMaterial)!;
	return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

async function enable(user: TestUser, now: Date) {
	const ctx = ctxOf(t.db, actorOf(user), now);
	await startTwoFactor(ctx, { seal });
	const { recoveryCodes } = await confirmTwoFactor(ctx, { code: await codeAt(user.id, now), seal });
	return recoveryCodes;
}

const kindsOf = async (userId: string) =>
	(
		await t.db
			.selectFrom('securityEvents')
			.select('kind')
			.where('userId', '=', userId)
			.orderBy('id')
			.execute()
	).map((r) => r.kind);

async function challengeFor(user: TestUser, now: Date, isSharedComputer = false) {
	const result = await signIn(anonymousCtxOf(t.db, now), {
		email: user.email,
		password: testPassword,
		isSharedComputer,
		ip
	});
	if (!('challenge' in result)) throw new Error('no challenge');
	return result.challenge.token;
}

describe('two-factor sign-in', () => {
	it('is set up with a code from the app, keeps the secret sealed, and gives ten recovery codes', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const now = new Date();
		const ctx = ctxOf(t.db, actorOf(user), now);
		await startTwoFactor(ctx, { seal });
		const pending = await getTwoFactor(ctx, { seal });
		expect(pending.isEnabled).toBe(false);
		expect(pending.pending?.uri).toMatch(/^otpauth:\/\/totp\/Ustat:/);
		const row = await t.db
			.selectFrom('twoFactorSecrets')
			.selectAll()
			.where('userId', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(row.secretKeyMaterial).not.toContain(pending.pending!.secret);
		// Sealed for this person only.
		expect(seal.open(randomBytes(8).toString('hex'), row.secretKeyMaterial)).toBeNull();

		const wrong = await failure(confirmTwoFactor(ctx, { code: '000000', seal }));
		expect(wrong.field).toBe('code');
		const { recoveryCodes } = await confirmTwoFactor(ctx, {
			code: await codeAt(user.id, now),
			seal
		});
		expect(recoveryCodes).toHaveLength(10);
		expect(new Set(recoveryCodes).size).toBe(10);
		const stored = await t.db
			.selectFrom('recoveryCodes')
			.select('codeHash')
			.where('userId', '=', user.id)
			.execute();
		expect(stored).toHaveLength(10);
		for (const { codeHash } of stored) expect(recoveryCodes).not.toContain(codeHash);
		const on = await getTwoFactor(ctx, { seal });
		expect(on).toMatchObject({ isEnabled: true, pending: null, recoveryCodesLeft: 10 });
		expect(await kindsOf(user.id)).toEqual(['two_factor_enabled']);
	});

	it('asks for the code after the password; a code works once, within a step either side', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const start = new Date(Math.floor(Date.now() / 30_000) * 30_000);
		await enable(user, start);

		const later = new Date(start.getTime() + 5 * 60_000);
		const token = await challengeFor(user, later, true);
		const tooOld = await codeAt(user.id, new Date(later.getTime() - 90_000));
		const wrong = await failure(
			completeSignIn(anonymousCtxOf(t.db, later), { code: tooOld, token, seal, ip })
		);
		expect(wrong.messageKey).toBe('signin_error_wrong_code');
		// One step behind (a slow clock) is accepted.
		const code = await codeAt(user.id, new Date(later.getTime() - 30_000));
		const done = await completeSignIn(anonymousCtxOf(t.db, later), { code, token, seal, ip });
		expect(done.session.isSharedComputer).toBe(true);
		const session = await resolveSession(t.db, done.session.token, later);
		expect(session?.actor.id).toBe(user.id);
		expect(session?.isSharedComputer).toBe(true);

		// The challenge is used up, and the same code does not open another one.
		expect(
			(await failure(completeSignIn(anonymousCtxOf(t.db, later), { code, token, seal, ip }))).code
		).toBe('not_found');
		const again = await challengeFor(user, later);
		expect(
			(await failure(completeSignIn(anonymousCtxOf(t.db, later), { code, token: again, seal, ip })))
				.messageKey
		).toBe('signin_error_wrong_code');
		expect(await kindsOf(user.id)).toEqual([
			'two_factor_enabled',
			'two_factor_failed',
			'sign_in',
			'two_factor_failed'
		]);
	});

	it('accepts each recovery code once', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const now = new Date();
		const [first] = await enable(user, now);
		const token = await challengeFor(user, now);
		const typed = first!.toLowerCase().replaceAll('-', ' ');
		const done = await completeSignIn(anonymousCtxOf(t.db, now), { code: typed, token, seal, ip });
		expect(done.userId).toBe(user.id);
		const again = await challengeFor(user, now);
		expect(
			(
				await failure(
					completeSignIn(anonymousCtxOf(t.db, now), { code: first!, token: again, seal, ip })
				)
			).code
		).toBe('invalid');
		expect(await kindsOf(user.id)).toContain('recovery_code_used');
		expect((await getTwoFactor(ctxOf(t.db, actorOf(user), now), { seal })).recoveryCodesLeft).toBe(
			9
		);
	});

	it(`allows ${challengeLimits.attempts} codes per challenge, and counts them against the account`, async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const now = new Date();
		await enable(user, now);
		const token = await challengeFor(user, now);
		const results = await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				failure(
					completeSignIn(anonymousCtxOf(t.db, now), {
						code: String(100000 + i),
						token,
						seal,
						ip
					})
				)
			)
		);
		expect(results.filter((e) => e.code === 'invalid').length).toBeLessThanOrEqual(
			challengeLimits.attempts
		);
		// The account is now over its limit: even the password waits.
		const locked = await failure(
			signIn(anonymousCtxOf(t.db, now), { email: user.email, password: testPassword, ip })
		);
		expect(locked.code).toBe('rate_limited');
	});

	it('gives no new guesses with a new challenge: wrong codes count until a sign-in completes', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const now = new Date();
		await enable(user, now);
		let guesses = 0;
		let refused = false;
		for (let round = 0; round < 4 && !refused; round++) {
			const token = await challengeFor(user, now).catch(() => null);
			if (!token) {
				refused = true;
				break;
			}
			for (let i = 0; i < 4; i++) {
				const error = await failure(
					completeSignIn(anonymousCtxOf(t.db, now), { code: `22${round}${i}00`, token, seal, ip })
				);
				if (error.code === 'invalid') guesses++;
			}
		}
		expect(refused).toBe(true);
		expect(guesses).toBeLessThanOrEqual(throttleLimits.perAccount);
	});

	it('is turned off with the password and a code; new recovery codes replace the old', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const start = new Date(Math.floor(Date.now() / 30_000) * 30_000);
		const old = await enable(user, start);
		const ctx = (at: Date) => ctxOf(t.db, actorOf(user), at);

		const next = new Date(start.getTime() + 60_000);
		const { recoveryCodes } = await regenerateRecoveryCodes(ctx(next), {
			code: await codeAt(user.id, next),
			seal
		});
		expect(recoveryCodes.some((c) => old.includes(c))).toBe(false);

		const off = new Date(start.getTime() + 120_000);
		const code = await codeAt(user.id, off);
		expect(
			(await failure(disableTwoFactor(ctx(off), { password: 'not my password', code, seal, ip })))
				.field
		).toBe('password');
		expect(
			(
				await failure(
					disableTwoFactor(ctx(off), { password: testPassword, code: old[0]!, seal, ip })
				)
			).field
		).toBe('code');
		await disableTwoFactor(ctx(off), { password: testPassword, code: recoveryCodes[0]!, seal, ip });
		expect((await getTwoFactor(ctx(off), { seal })).isEnabled).toBe(false);
		const result = await signIn(anonymousCtxOf(t.db, off), {
			email: user.email,
			password: testPassword,
			ip
		});
		expect('session' in result).toBe(true);
		expect(await kindsOf(user.id)).toContain('two_factor_disabled');
	});

	it('is required of admins and operators when the deployment says so', async () => {
		const school = await makeSchool(t.db);
		const admin = await makeUser(t.db, { schoolId: school.id, role: 'admin' });
		const teacher = await makeUser(t.db, { schoolId: school.id });
		const setupAt = new Date();
		await t.db
			.insertInto('deployment')
			.values({ id: 1, setupAt, isTwoFactorRequired: true })
			.onConflict((oc) => oc.column('id').doUpdateSet({ isTwoFactorRequired: true }))
			.execute();
		try {
			const adminSession = await createSession(t.db, admin.id);
			const teacherSession = await createSession(t.db, teacher.id);
			expect((await resolveSession(t.db, adminSession.token))?.needsTwoFactorSetup).toBe(true);
			expect((await resolveSession(t.db, teacherSession.token))?.needsTwoFactorSetup).toBe(false);
			expect((await getTwoFactor(ctxOf(t.db, actorOf(admin)), { seal })).isRequired).toBe(true);
			await enable(admin, new Date());
			expect((await resolveSession(t.db, adminSession.token))?.needsTwoFactorSetup).toBe(false);
		} finally {
			await t.db.updateTable('deployment').set({ isTwoFactorRequired: false }).execute();
		}
	});
});
