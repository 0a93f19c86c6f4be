import { describe, expect, it } from 'vitest';
import { actorOf, makeSchool, makeUser, testPassword } from '../../test/factories';
import { anonymousCtxOf, ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { useTestDatabase } from '../../test/vitest';
import { ValidationError } from '../../validation';
import { changePassword } from './change-password';
import { findOpenPasswordReset } from './find-password-reset';
import { issuePasswordReset } from './issue-password-reset';
import { resetPassword } from './reset-password';
import { createSession, resolveSession } from './sessions';

// Issue 16, finding 8: an admin-issued reset link survived the person's own password change;
// a new password could be weak or the person's own email.

const t = useTestDatabase();
const tokenOf = (url: string) => url.split('/reset/')[1]!;
const chosen = 'Ысык-Көлдүн суусу тунук 7';

async function teacherWithAdmin() {
	const s = await makeSchool(t.db);
	const admin = actorOf(await makeUser(t.db, { schoolId: s.id, role: 'admin' }));
	const teacher = await makeUser(t.db, { schoolId: s.id, email: `aigerim.${Date.now()}@a.kg` });
	return { admin, teacher };
}

describe('changing one’s own password', () => {
	it('revokes every unused reset link of the person', async () => {
		const { admin, teacher } = await teacherWithAdmin();
		const { url } = await issuePasswordReset(ctxOf(t.db, admin), {
			userId: teacher.id,
			password: testPassword
		});
		const current = await createSession(t.db, teacher.id);
		const other = await createSession(t.db, teacher.id);
		await changePassword(ctxOf(t.db, actorOf(teacher)), {
			currentPassword: testPassword,
			newPassword: chosen,
			currentSessionId: current.id
		});
		const token = tokenOf(url);
		expect((await appError(findOpenPasswordReset(anonymousCtxOf(t.db), { token }))).code).toBe(
			'gone'
		);
		expect(
			(
				await appError(
					resetPassword(anonymousCtxOf(t.db), { token, password: 'Нарын суусу муздак 2026' })
				)
			).code
		).toBe('gone');
		const row = await t.db
			.selectFrom('passwordResets')
			.select(['revokedAt', 'usedAt'])
			.where('userId', '=', teacher.id)
			.executeTakeFirstOrThrow();
		expect(row.revokedAt).not.toBeNull();
		expect(row.usedAt).toBeNull();
		// This session stays, the others end.
		expect(await resolveSession(t.db, current.token)).not.toBeNull();
		expect(await resolveSession(t.db, other.token)).toBeNull();
		const events = await t.db
			.selectFrom('securityEvents')
			.select(['kind', 'userId'])
			.where('userId', '=', teacher.id)
			.where('kind', '=', 'password_changed')
			.execute();
		expect(events).toHaveLength(1);
	});

	it('refuses a weak password or one’s own email, on the new password field', async () => {
		const { teacher } = await teacherWithAdmin();
		const session = await createSession(t.db, teacher.id);
		for (const [newPassword, key] of [
			['aaaaaaaaaaaa', 'web_password_pattern'],
			['password1234', 'web_password_common'],
			[teacher.email, 'web_password_personal'],
			[`${teacher.email.split('@')[0]}!!`, 'web_password_personal']
		] as const) {
			const error = await appError(
				changePassword(ctxOf(t.db, actorOf(teacher)), {
					currentPassword: testPassword,
					newPassword,
					currentSessionId: session.id
				})
			);
			expect(error, newPassword).toBeInstanceOf(ValidationError);
			expect((error as ValidationError).issues[0]).toEqual({ field: 'newPassword', key });
		}
	});
});
