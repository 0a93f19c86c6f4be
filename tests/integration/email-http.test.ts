import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { links } from '../../src/lib/server/notify/links';
import { notify, setChannels } from '../../src/lib/server/notify/notify';
import { makeGroupWorld, type GroupWorld } from '../../src/lib/server/test/groups';
import { ctxOf } from '../../src/lib/server/test/context';
import { call, startTestServer, type TestServer } from '../../src/lib/server/test/server';
import { startTestSmtp, type TestSmtp } from '../../src/lib/server/test/smtp';
import { setUp } from './world';

// Email end to end: the built app sends a notification through a real SMTP server (its own
// job runner), and the mail's one-click unsubscribe works as a mail client uses it.

let server: TestServer;
let smtp: TestSmtp;
let w: GroupWorld;

beforeAll(async () => {
	smtp = await startTestSmtp();
	server = await startTestServer({ env: { SMTP_URL: smtp.url } });
	await setUp(server);
	w = await makeGroupWorld(server.db);
	// This process only makes the notifications; the server's job runner sends them.
	setChannels(() => ({ email: true, telegram: false }));
}, 60_000);
afterAll(async () => {
	setChannels(undefined);
	await server?.stop();
	await smtp?.stop();
});

const preferences = (userId: string) =>
	server.db
		.selectFrom('notificationPreferences')
		.select(['kind', 'email'])
		.where('userId', '=', userId)
		.execute();

describe('a notification mail', () => {
	it('arrives, and its List-Unsubscribe link works by one-click POST from a mail client', async () => {
		await notify(ctxOf(server.db, w.leader), {
			kind: 'post.mentioned',
			key: 'http-1',
			groupId: w.groupId,
			subject: 'Талкуу',
			link: links.group(w.groupId),
			userIds: [w.member.id]
		});
		const [mail] = await smtp.waitFor(1, 20_000);
		expect(mail!.to && 'text' in mail!.to ? mail!.to.text : '').toContain(w.member.email);
		const line = mail!.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
		const url = /<([^>]+)>/.exec(line)![1]!;
		expect(url.startsWith(`${server.url}/unsubscribe/`)).toBe(true);
		expect(mail!.headerLines.find((h) => h.key === 'list-unsubscribe-post')!.line).toMatch(
			/List-Unsubscribe=One-Click/
		);

		// A link scanner's GET changes nothing.
		const page = await fetch(url, { redirect: 'manual' });
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('<form method="post"');
		expect(await preferences(w.member.id)).toEqual([]);

		// The mail client's POST: another site (no Origin of ours), the RFC 8058 body.
		const posted = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: 'https://mail.example'
			},
			body: 'List-Unsubscribe=One-Click',
			redirect: 'manual'
		});
		expect(posted.status).toBe(200);
		expect(await preferences(w.member.id)).toEqual([{ kind: 'post.mentioned', email: 'off' }]);

		// A forged token: a clear 404, nothing changed.
		const forged = `${url.slice(0, -4)}AAAA`;
		const refused = await fetch(forged, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click'
		});
		expect(refused.status).toBe(404);
		expect(await refused.text()).toContain('Бул шилтеме туура эмес');
		// The same from a browser without JavaScript: the error page, in its language.
		const browser = await call(server, forged.slice(server.url.length), {
			form: { 'List-Unsubscribe': 'One-Click' },
			headers: { 'accept-language': 'ru' }
		});
		expect(browser.status).toBe(404);
		expect(await browser.text()).toContain('Ссылка неверна');
		expect(await preferences(w.leader.id)).toEqual([]);
	});
});

describe('the settings page', () => {
	it('shows one form and saves only the person’s own choices, with a 303', async () => {
		const cookie = `${sessionCookie}=${(await createSession(server.db, w.staff.id)).token}`;
		const page = await call(server, '/profile/notifications', { cookie });
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('name="email:vote.opened"');
		expect(html).not.toContain('name="telegram:vote.opened"'); // Telegram not linked
		const saved = await call(server, '/profile/notifications', {
			cookie,
			form: { 'email:vote.opened': 'daily', 'email:vote.closed': 'daily' }
		});
		expect(saved.status).toBe(303);
		expect(saved.headers.get('location')).toBe('/profile/notifications?saved=1');
		expect(await preferences(w.staff.id)).toEqual([{ kind: 'vote.opened', email: 'daily' }]);
		const bad = await call(server, '/profile/notifications', {
			cookie,
			form: { 'email:vote.opened': 'hourly' }
		});
		expect(bad.status).toBe(400);
		expect(await preferences(w.staff.id)).toEqual([{ kind: 'vote.opened', email: 'daily' }]);
	});
});
