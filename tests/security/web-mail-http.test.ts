import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailLimits } from '../../src/lib/server/domain/accounts/mail-limits';
import { makeUser } from '../../src/lib/server/test/factories';
import { startTestServer, type TestServer } from '../../src/lib/server/test/server';
import { submit } from '../../src/lib/server/test/submit';
import { startTestSmtp, type TestSmtp } from '../../src/lib/server/test/smtp';
import { setUp } from '../integration/world';

// Issue 16, finding 7 over HTTP: "forgot password" sent 30 reset mails to one address in
// 3 s, and one client could make the app mail any number of addresses.

let server: TestServer;
let smtp: TestSmtp;
let schoolId: string;

beforeAll(async () => {
	smtp = await startTestSmtp();
	server = await startTestServer({ env: { SMTP_URL: smtp.url } });
	schoolId = (await setUp(server)).schoolId;
}, 60_000);
afterAll(async () => {
	await server?.stop();
	await smtp?.stop();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe('"forgot password" over HTTP', () => {
	it('30 requests at once for one address: 3 mails, the same answer to all', async () => {
		const user = await makeUser(server.db, { schoolId });
		const responses = await Promise.all(
			Array.from({ length: 30 }, () => submit(server, '/forgot', { form: { email: user.email } }))
		);
		const statuses = new Set(responses.map((r) => r.status));
		expect([...statuses]).toEqual([200]);
		await smtp.waitFor(mailLimits.perAddress, 20_000);
		await settle();
		expect(smtp.to(user.email)).toHaveLength(mailLimits.perAddress);
	});

	it('one client mails at most 10 addresses an hour', async () => {
		const before = smtp.mails.length;
		const users = [];
		for (let i = 0; i < mailLimits.perClient + 3; i++)
			users.push(await makeUser(server.db, { schoolId }));
		for (const user of users)
			expect((await submit(server, '/forgot', { form: { email: user.email } })).status).toBe(200);
		await settle();
		// The first test's 3 mails came from this client too.
		expect(smtp.mails.length - before).toBe(mailLimits.perClient - mailLimits.perAddress);
	});
});
