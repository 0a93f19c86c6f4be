import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withClientAddress } from '../../client-address';
import { setMailServer } from '../../mail';
import { quotedSubject, subjectText } from '../../mail-subject';
import { anonymousCtxOf, ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { makeGroupWorld } from '../../test/groups';
import { makeSchool, makeUser } from '../../test/factories';
import { startTestSmtp, type TestSmtp } from '../../test/smtp';
import { useTestDatabase } from '../../test/vitest';
import { inviteExternal } from '../groups/invite-external';
import { inviteTeacher } from '../groups/invite-teacher';
import { invitationMail } from './emails';
import { mailLimits, mailSlotFree, takeMailSlot } from './mail-limits';
import { requestPasswordReset } from './request-password-reset';

// Issue 16, finding 7 (and 8: the leader's probe): mail limits that hold under parallel
// requests, per client address, for a group's invitations too; subjects people type into.

const t = useTestDatabase();
let smtp: TestSmtp;

beforeAll(async () => {
	smtp = await startTestSmtp();
	setMailServer(smtp.url);
});
afterAll(async () => {
	setMailServer(undefined);
	await smtp.stop();
});
beforeEach(() => {
	smtp.mails.length = 0;
});

describe('limits under parallel requests', () => {
	it('30 slots asked at once for one address: exactly the limit is given', async () => {
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: 30 }, () =>
				mailSlotFree(t.db, { purpose: 'forgot', recipient: 'race@mektep.kg' }, now)
			)
		);
		expect(results.filter(Boolean)).toHaveLength(mailLimits.perAddress);
	});

	it('30 "forgot password" requests at once: 3 mails', async () => {
		const school = await makeSchool(t.db);
		const user = await makeUser(t.db, { schoolId: school.id });
		const results = await Promise.all(
			Array.from({ length: 30 }, () =>
				requestPasswordReset(anonymousCtxOf(t.db), { email: user.email })
			)
		);
		await Promise.all(results.map((r) => r.sending));
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(smtp.to(user.email)).toHaveLength(mailLimits.perAddress);
	});
});

describe('per client address', () => {
	it('"forgot password" from one address: at most 10 mails an hour, whatever the accounts', async () => {
		const school = await makeSchool(t.db);
		const users = await Promise.all(
			Array.from({ length: mailLimits.perClient + 2 }, () =>
				makeUser(t.db, { schoolId: school.id })
			)
		);
		for (const user of users)
			await withClientAddress('198.51.100.7', async () => {
				await (
					await requestPasswordReset(anonymousCtxOf(t.db), { email: user.email })
				).sending;
			});
		expect(smtp.mails).toHaveLength(mailLimits.perClient);
		// Another client is not held back.
		await withClientAddress('198.51.100.8', async () => {
			await (
				await requestPasswordReset(anonymousCtxOf(t.db), { email: users[0]!.email })
			).sending;
		});
		expect(smtp.mails).toHaveLength(mailLimits.perClient + 1);
	});

	it('a signed-in sender is refused past the client limit with a translated error', async () => {
		const now = new Date();
		for (let i = 0; i < mailLimits.perClientSignedIn; i++)
			await takeMailSlot(
				t.db,
				{ purpose: 'invitation', recipient: `c${i}@x.kg`, senderId: `s${i}`, ip: '203.0.113.5' },
				now
			);
		const error = await appError(
			takeMailSlot(
				t.db,
				{ purpose: 'invitation', recipient: 'last@x.kg', senderId: 'fresh', ip: '203.0.113.5' },
				now
			)
		);
		expect(error.code).toBe('rate_limited');
		expect(error.messageKey).toBe('web_mail_limit_client');
		expect(error.retryAfterSeconds).toBeGreaterThan(3500);
	});
});

describe('a group’s invitations', () => {
	it('to a colleague: limited per colleague, not by the sender’s limit', async () => {
		const w = await makeGroupWorld(t.db);
		const now = new Date();
		// The leader has sent all the mail an hour allows to outside addresses…
		for (let i = 0; i < mailLimits.perSender; i++)
			await mailSlotFree(
				t.db,
				{ purpose: 'invitation', recipient: `l${i}@x.kg`, senderId: w.leader.id },
				now
			);
		// …and may still invite the school's own teachers (a new group invites 20–30 at once).
		await inviteTeacher(ctxOf(t.db, w.leader, now), { groupId: w.groupId, userId: w.staff.id });
		const colleague = w.staff;
		// One colleague is told at most perAddress times an hour.
		await t.db.deleteFrom('membershipRequests').where('groupId', '=', w.groupId).execute();
		for (let i = 1; i < mailLimits.perAddress; i++)
			await mailSlotFree(
				t.db,
				{ purpose: 'group_invitation', recipient: `user:${colleague.id}`, senderId: `x${i}` },
				now
			);
		const error = await appError(
			inviteTeacher(ctxOf(t.db, w.leader, now), { groupId: w.groupId, userId: colleague.id })
		);
		expect(error.code).toBe('rate_limited');
		expect(error.messageKey).toBe('email_error_too_many_mails');
	});

	it('go to one known external person at most 3 times an hour', async () => {
		const w = await makeGroupWorld(t.db);
		const now = new Date();
		const expert = await makeUser(t.db, { schoolId: null, role: 'scientist' });
		for (let i = 0; i < mailLimits.perAddress; i++)
			await takeMailSlot(
				t.db,
				{ purpose: 'group_invitation', recipient: expert.email, senderId: `x${i}` },
				now
			);
		const error = await appError(
			inviteExternal(ctxOf(t.db, w.leader, now), {
				groupId: w.groupId,
				email: expert.email,
				role: 'scientist'
			})
		);
		expect(error.code).toBe('rate_limited');
		expect(error.field).toBe('email');
	});

	it('an address of another school’s staff is answered as an unknown one, and not mailed', async () => {
		const w = await makeGroupWorld(t.db);
		const other = await t.db
			.selectFrom('users')
			.select('email')
			.where('id', '=', w.otherTeacher.id)
			.executeTakeFirstOrThrow();
		const leader = ctxOf(t.db, w.leader);
		const unknown = await inviteExternal(leader, {
			groupId: w.groupId,
			email: 'nobody.yet@ilim.kg',
			role: 'scientist'
		});
		const staff = await inviteExternal(leader, {
			groupId: w.groupId,
			email: other.email,
			role: 'scientist'
		});
		const shape = (r: typeof unknown) =>
			r.kind === 'link' ? { kind: r.kind, emailed: r.emailed, url: typeof r.url } : r;
		expect(shape(staff)).toEqual(shape(unknown));
		expect(staff).toMatchObject({ kind: 'link', email: other.email, emailed: true });
		await smtp.waitFor(1);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(smtp.to('nobody.yet@ilim.kg')).toHaveLength(1);
		expect(smtp.to(other.email)).toHaveLength(0);
	});
});

describe('subjects', () => {
	it('user-typed text is quoted, on one line and bounded', () => {
		const name = `Топ\r\nBcc: victim@example.com\n${'узун '.repeat(40)}`;
		const quoted = quotedSubject(name);
		expect(quoted).not.toMatch(/[\r\n]/);
		expect(quoted.startsWith('«Топ Bcc:')).toBe(true);
		expect(quoted.endsWith('…»')).toBe(true);
		expect([...quoted].length).toBe(62);
		expect(subjectText('  Математика  ')).toBe('Математика');
	});

	it('a group invitation’s subject quotes the group’s name, bounded', () => {
		const mail = invitationMail({
			to: 'a@b.kg',
			schoolName: 'Мектеп',
			groupName: `Сатып алыңыз! ${'арзан '.repeat(30)}\r\nX-Spam: 1`,
			url: 'https://ustat.example/invite/x',
			locale: 'ky',
			days: 7
		});
		expect(mail.subject).not.toMatch(/[\r\n]/);
		expect(mail.subject).toContain('«Сатып алыңыз!');
		expect(mail.subject).not.toContain('X-Spam');
		expect([...mail.subject].length).toBeLessThan(150);
	});
});
