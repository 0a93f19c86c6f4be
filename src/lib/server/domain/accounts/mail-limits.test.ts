import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setMailServer } from '../../mail';
import { anonymousCtxOf, ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { actorOf, testPassword, makeSchool, makeUser, type TestUser } from '../../test/factories';
import { startTestSmtp, type TestSmtp } from '../../test/smtp';
import { useTestDatabase } from '../../test/vitest';
import type { Actor } from '../../access/actor';
import type { SchoolId } from '../ids';
import { inviteStaff } from './invite-staff';
import { issuePasswordReset } from './issue-password-reset';
import { requestPasswordReset } from './request-password-reset';
import { mailLimits } from './mail-limits';

// Mail anyone can make the app send is limited: per address and purpose, and per sender.

const t = useTestDatabase();
let smtp: TestSmtp;
let admin: Actor;
let schoolId: SchoolId;
let teacher: TestUser;

beforeAll(async () => {
	smtp = await startTestSmtp();
	setMailServer(smtp.url);
});
afterAll(async () => {
	setMailServer(undefined);
	await smtp.stop();
});
beforeEach(async () => {
	smtp.mails.length = 0;
	schoolId = (await makeSchool(t.db)).id;
	admin = actorOf(await makeUser(t.db, { schoolId, role: 'admin' }));
	teacher = await makeUser(t.db, { schoolId });
});

const hour = 60 * 60 * 1000;

describe('invitations', () => {
	it('go to one address at most 3 times an hour, with a clear error on the email field', async () => {
		const now = new Date();
		const invite = (at: Date) =>
			inviteStaff(ctxOf(t.db, admin, at), { schoolId, email: 'new.teacher@mektep.kg' });
		for (let i = 0; i < mailLimits.perAddress; i++) await invite(now);
		await smtp.waitFor(3);
		const error = await appError(invite(now));
		expect(error.code).toBe('rate_limited');
		expect(error.messageKey).toBe('email_error_too_many_mails');
		expect(error.field).toBe('email');
		expect(error.retryAfterSeconds).toBeGreaterThan(3500);
		expect(smtp.mails).toHaveLength(3);
		// An hour later the address may be invited again.
		await invite(new Date(now.getTime() + hour + 1000));
	});

	it('are capped per sender, whatever the addresses', async () => {
		const now = new Date();
		for (let i = 0; i < mailLimits.perSender; i++)
			await inviteStaff(ctxOf(t.db, admin, now), { schoolId, email: `t${i}@cap.kg` });
		const error = await appError(
			inviteStaff(ctxOf(t.db, admin, now), { schoolId, email: 'one.more@cap.kg' })
		);
		expect(error.messageKey).toBe('email_error_too_many_sent');
		expect(error.field).toBeUndefined();
		// Another admin is not held back by this one.
		const other = actorOf(await makeUser(t.db, { schoolId, role: 'admin' }));
		await inviteStaff(ctxOf(t.db, other, now), { schoolId, email: 'one.more@cap.kg' });
	});
});

describe('password resets', () => {
	it('issued by an admin: at most 3 an hour for one person', async () => {
		const ctx = ctxOf(t.db, admin);
		for (let i = 0; i < 3; i++)
			await issuePasswordReset(ctx, { userId: teacher.id, password: testPassword });
		expect(
			(await appError(issuePasswordReset(ctx, { userId: teacher.id, password: testPassword }))).code
		).toBe('rate_limited');
	});

	it('"forgot password": past the limit the same answer, and no mail', async () => {
		const ask = async () => {
			const result = await requestPasswordReset(anonymousCtxOf(t.db), { email: teacher.email });
			await result.sending;
			return result.mailEnabled;
		};
		for (let i = 0; i < 3; i++) expect(await ask()).toBe(true);
		expect(smtp.to(teacher.email)).toHaveLength(3);
		expect(await ask()).toBe(true);
		expect(await ask()).toBe(true);
		expect(smtp.to(teacher.email)).toHaveLength(3);
		// Upper or lower case, it is the same address.
		await (
			await requestPasswordReset(anonymousCtxOf(t.db), { email: teacher.email.toUpperCase() })
		).sending;
		expect(smtp.to(teacher.email)).toHaveLength(3);
	});
});
