import { afterEach, describe, expect, it } from 'vitest';
import { actorOf, makeSchool, makeUser, testPassword } from '../../test/factories';
import { anonymousCtxOf, ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { useTestDatabase } from '../../test/vitest';
import { changePassword } from './change-password';
import { findOpenPasswordReset } from './find-password-reset';
import { issuePasswordReset } from './issue-password-reset';
import { requestPasswordReset } from './request-password-reset';
import { resetPassword } from './reset-password';
import { createSession, resolveSession } from './sessions';
import { signIn } from './sign-in';

const t = useTestDatabase();
const tokenOf = (url: string) => url.split('/reset/')[1]!;
const fresh = 'Жаңы сырсөз: Ысык-Көл 2026';

describe('admin-issued password reset', () => {
	it('sets a new password once and ends every session', async () => {
		const s = await makeSchool(t.db);
		const admin = actorOf(await makeUser(t.db, { schoolId: s.id, role: 'admin' }));
		const teacher = await makeUser(t.db, { schoolId: s.id });
		const session = await createSession(t.db, teacher.id);
		const { url, expiresAt } = await issuePasswordReset(ctxOf(t.db, admin), {
			userId: teacher.id,
			password: testPassword
		});
		expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
		await expect(
			findOpenPasswordReset(anonymousCtxOf(t.db), { token: tokenOf(url) })
		).resolves.toMatchObject({
			email: teacher.email
		});

		await resetPassword(anonymousCtxOf(t.db), { token: tokenOf(url), password: fresh });
		expect(await resolveSession(t.db, session.token)).toBeNull();
		await expect(
			signIn(anonymousCtxOf(t.db), { email: teacher.email, password: fresh, ip: '10.9.0.1' })
		).resolves.toBeTruthy();
		expect(
			(
				await appError(
					resetPassword(anonymousCtxOf(t.db), { token: tokenOf(url), password: fresh })
				)
			).messageKey
		).toBe('error_reset_invalid');
	});

	it('replaces an earlier unused link, expires after a day, and refuses weak passwords', async () => {
		const s = await makeSchool(t.db);
		const admin = actorOf(await makeUser(t.db, { schoolId: s.id, role: 'admin' }));
		const teacher = await makeUser(t.db, { schoolId: s.id });
		const first = await issuePasswordReset(ctxOf(t.db, admin), {
			userId: teacher.id,
			password: testPassword
		});
		const second = await issuePasswordReset(ctxOf(t.db, admin), {
			userId: teacher.id,
			password: testPassword
		});
		expect(
			(await appError(findOpenPasswordReset(anonymousCtxOf(t.db), { token: tokenOf(first.url) })))
				.code
		).toBe('gone');
		expect(
			(
				await appError(
					resetPassword(anonymousCtxOf(t.db), { token: tokenOf(second.url), password: 'short' })
				)
			).code
		).toBe('invalid');
		const tomorrow = new Date(Date.now() + 25 * 3600 * 1000);
		expect(
			(
				await appError(
					resetPassword(anonymousCtxOf(t.db, tomorrow), {
						token: tokenOf(second.url),
						password: fresh
					})
				)
			).code
		).toBe('gone');
	});

	it('is only for the admin of the same school', async () => {
		const s = await makeSchool(t.db);
		const other = await makeSchool(t.db);
		const otherAdmin = actorOf(await makeUser(t.db, { schoolId: other.id, role: 'admin' }));
		const teacher = await makeUser(t.db, { schoolId: s.id });
		const colleague = actorOf(await makeUser(t.db, { schoolId: s.id }));
		expect(
			(
				await appError(
					issuePasswordReset(ctxOf(t.db, otherAdmin), {
						userId: teacher.id,
						password: testPassword
					})
				)
			).code
		).toBe('not_found');
		expect(
			(
				await appError(
					issuePasswordReset(ctxOf(t.db, colleague), { userId: teacher.id, password: testPassword })
				)
			).code
		).toBe('not_found');
	});
});

describe('forgot password by email', () => {
	afterEach(() => {
		delete process.env.SMTP_URL;
	});

	it('is off without SMTP and never says whether the address exists', async () => {
		const result = await requestPasswordReset(anonymousCtxOf(t.db), { email: 'anyone@mektep.kg' });
		expect(result.mailEnabled).toBe(false);
		expect(
			(await appError(requestPasswordReset(anonymousCtxOf(t.db), { email: 'nope' }))).code
		).toBe('invalid');
	});
});

describe('changing one’s own password', () => {
	it('needs the current password and ends the other sessions only', async () => {
		const s = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: s.id });
		const here = await createSession(t.db, user.id);
		const elsewhere = await createSession(t.db, user.id);
		const wrong = await appError(
			changePassword(ctxOf(t.db, actorOf(user)), {
				currentPassword: 'nope',
				newPassword: fresh,
				currentSessionId: here.id
			})
		);
		expect(wrong).toMatchObject({ messageKey: 'error_wrong_password', field: 'currentPassword' });
		await changePassword(ctxOf(t.db, actorOf(user)), {
			currentPassword: testPassword,
			newPassword: fresh,
			currentSessionId: here.id
		});
		expect(await resolveSession(t.db, here.token)).not.toBeNull();
		expect(await resolveSession(t.db, elsewhere.token)).toBeNull();
	});
});
