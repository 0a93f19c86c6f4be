import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import type { User } from '../../src/lib/server/db/types';
import { makeUser, sessionTokenFor, testPassword } from '../../src/lib/server/test/factories';
import { call, startTestServer, type TestServer } from '../../src/lib/server/test/server';
import { submit } from '../../src/lib/server/test/submit';
import { startTestSmtp, type TestSmtp } from '../../src/lib/server/test/smtp';
import { founderPassword, setUp } from '../integration/world';

// Issue 16, findings 1–3 (operator) over HTTP, on the built app: a school admin cannot take
// the deployment's operator over (the first admin of the first school); admin actions on
// other people need the actor's password; the person hears of a reset link issued for them.

let server: TestServer;
let smtp: TestSmtp;
let founder: User;
let admin: User;
let schoolId: string;

const cookieOf = async (user: User) => `${sessionCookie}=${await sessionTokenFor(server.db, user)}`;
const account = (id: string) =>
	server.db
		.selectFrom('users')
		.select(['role', 'isOperator', 'isActive'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();

beforeAll(async () => {
	smtp = await startTestSmtp();
	server = await startTestServer({ env: { SMTP_URL: smtp.url } });
	const setup = await setUp(server);
	schoolId = setup.schoolId;
	founder = await server.db
		.selectFrom('users')
		.selectAll()
		.where('id', '=', setup.userId)
		.executeTakeFirstOrThrow();
	// The founder's password is the setup's; the factory's password is used by everyone else.
	admin = await makeUser(server.db, { schoolId, role: 'admin' });
}, 60_000);
afterAll(async () => {
	await server?.stop();
	await smtp?.stop();
});

describe('a school admin and the operator (finding 1)', () => {
	it('cannot issue a reset link to, demote, deactivate nor reactivate the operator: 403', async () => {
		const cookie = await cookieOf(admin);
		const path = `/admin/staff/${founder.id}`;
		for (const [action, form] of [
			['reset', { password: testPassword }],
			['role', { role: 'teacher', password: testPassword }],
			['deactivate', { password: testPassword }],
			['reactivate', { password: testPassword }]
		] as const) {
			const response = await submit(server, `${path}?/${action}`, { cookie, form });
			expect(response.status, action).toBe(403);
			expect(await response.text(), action).toContain('башка оператор гана башкара алат');
		}
		expect(await account(founder.id)).toEqual({ role: 'admin', isOperator: true, isActive: true });
		const links = await server.db
			.selectFrom('passwordResets')
			.select('id')
			.where('userId', '=', founder.id)
			.execute();
		expect(links).toEqual([]);
		// The page shows the operator without the actions.
		const page = await call(server, path, { cookie });
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).not.toContain('formaction="?/reset"');
		expect(html).not.toContain('formaction="?/deactivate"');
		expect(html).toContain('Бул платформанын операторунун аккаунту.');
		// Nor the operators' page.
		expect((await call(server, '/operator/operators', { cookie })).status).toBe(403);
	});

	it('an operator grants and revokes operator rights; the last one always stays', async () => {
		const school = schoolId;
		const deputy = await makeUser(server.db, { schoolId: school, role: 'teacher' });
		const founderCookie = await cookieOf(founder);
		const granted = await submit(server, '/operator/operators?/grant', {
			cookie: founderCookie,
			form: { email: deputy.email, password: founderPassword }
		});
		expect(granted.status).toBe(200);
		expect((await account(deputy.id)).isOperator).toBe(true);
		// The founder cannot revoke their own rights; the deputy can revoke the founder's.
		const self = await submit(server, '/operator/operators?/revoke', {
			cookie: founderCookie,
			form: { userId: founder.id, password: founderPassword }
		});
		expect(self.status).toBe(403);
		const deputyCookie = await cookieOf(deputy);
		const revoked = await submit(server, '/operator/operators?/revoke', {
			cookie: deputyCookie,
			form: { userId: founder.id, password: testPassword }
		});
		expect(revoked.status).toBe(200);
		expect(await account(founder.id)).toEqual({ role: 'admin', isOperator: false, isActive: true });
		// Operator rights are checked on every request: the founder's are gone at once.
		expect((await call(server, '/operator/operators', { cookie: founderCookie })).status).toBe(403);
		// The founder, still the school's admin, cannot touch the operator of their school.
		const demote = await submit(server, `/admin/staff/${deputy.id}?/deactivate`, {
			cookie: founderCookie,
			form: { password: founderPassword }
		});
		expect(demote.status).toBe(403);
		const kinds = await server.db
			.selectFrom('securityEvents')
			.select('kind')
			.where('kind', 'in', ['operator_granted', 'operator_revoked'])
			.orderBy('createdAt')
			.execute();
		expect(kinds.map((k) => k.kind)).toEqual(['operator_granted', 'operator_revoked']);
		// Back as it was for the other tests: the deputy gives the founder their rights again.
		await submit(server, '/operator/operators?/grant', {
			cookie: deputyCookie,
			form: { email: founder.email, password: testPassword }
		});
		expect((await account(founder.id)).isOperator).toBe(true);
	});
});

describe('admin actions on other people need the password (finding 2)', () => {
	it('missing or wrong: 400 with the error on the field, nothing done; right: done', async () => {
		const teacher = await makeUser(server.db, { schoolId, role: 'teacher' });
		const cookie = await cookieOf(admin);
		const path = `/admin/staff/${teacher.id}?/deactivate`;
		const missing = await call(server, path, { cookie, form: {} });
		expect(missing.status).toBe(400);
		expect(await missing.text()).toMatch(/id="field-password-error"/);
		const wrong = await call(server, path, { cookie, form: { password: 'not the password!' } });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Сырсөз туура эмес.');
		expect((await account(teacher.id)).isActive).toBe(true);
		const right = await submit(server, path, { cookie, form: { password: testPassword } });
		expect(right.status).toBe(200);
		expect((await account(teacher.id)).isActive).toBe(false);
	});
});

describe('a reset link issued by an admin (finding 3)', () => {
	it('reaches the person in the inbox and by email, and is a security event', async () => {
		const teacher = await makeUser(server.db, { schoolId, role: 'teacher' });
		const response = await submit(server, `/admin/staff/${teacher.id}?/reset`, {
			cookie: await cookieOf(admin),
			form: { password: testPassword }
		});
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('/reset/');
		const deadline = Date.now() + 20_000;
		while (smtp.to(teacher.email).length === 0 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 100));
		const [mail] = smtp.to(teacher.email);
		expect(mail?.subject).toBe(
			'Устат: аккаунтуңуз үчүн сырсөздү калыбына келтирүү шилтемеси берилди'
		);
		const notices = await server.db
			.selectFrom('notifications')
			.select(['kind', 'actorId'])
			.where('userId', '=', teacher.id)
			.execute();
		expect(notices).toEqual([{ kind: 'account.reset_issued', actorId: admin.id }]);
		const events = await server.db
			.selectFrom('securityEvents')
			.select(['actorId', 'schoolId'])
			.where('kind', '=', 'reset_issued')
			.where('userId', '=', teacher.id)
			.execute();
		expect(events).toEqual([{ actorId: admin.id, schoolId }]);
	});
});
