import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { setTelegramSettings } from '../../src/lib/server/notify/telegram/settings';
import { readBotUpdates } from '../../src/lib/server/notify/telegram/updates';
import { makeUser, sessionTokenFor, type TestUser } from '../../src/lib/server/test/factories';
import { startFakeTelegram, type FakeTelegram } from '../../src/lib/server/test/fake-telegram';
import {
	call,
	cookieFrom,
	startTestServer,
	type TestServer
} from '../../src/lib/server/test/server';
import { setUp } from './world';

// Linking Telegram from the settings page, as a person would, JavaScript off: the app runs
// with a bot whose Bot API is the fake server. The bot's updates are read by the test (the
// app's own 20-second sweep is off with JOBS=off) so nothing depends on timing.

let fake: FakeTelegram;
let server: TestServer;
let teacher: TestUser;
let session: string;

beforeAll(async () => {
	fake = await startFakeTelegram();
	server = await startTestServer({
		env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_URL: fake.url, JOBS: 'off' }
	});
	setTelegramSettings({ token: fake.token, apiUrl: fake.url, baseUrl: server.url });
	const { schoolId } = await setUp(server);
	teacher = await makeUser(server.db, { schoolId, role: 'teacher', locale: 'ru' });
	session = `${sessionCookie}=${await sessionTokenFor(server.db, teacher)}`;
}, 60_000);
afterAll(async () => {
	setTelegramSettings(undefined);
	await server?.stop();
	await fake?.close();
});

describe('the Telegram settings page', () => {
	it('code → bot → linked → unlinked, with a 303 after every post', async () => {
		const first = await call(server, '/profile/telegram', { cookie: session });
		expect(first.status).toBe(200);
		const before = await first.text();
		expect(before).toContain('Ваш аккаунт Telegram пока не подключён.');
		expect(before).toContain('@ustat_test_bot');

		const started = await call(server, '/profile/telegram?/start', { cookie: session, form: {} });
		expect(started.status).toBe(303);
		expect(started.headers.get('location')).toBe('/profile/telegram?started=1');
		const codeCookie = cookieFrom(started, 'ustat_tg_code')!;
		const header = started.headers.getSetCookie().find((c) => c.startsWith('ustat_tg_code'))!;
		expect(header).toMatch(/HttpOnly/i);
		expect(header).toMatch(/Path=\/profile\/telegram/i);
		const code = codeCookie.split('=')[1]!;
		expect(code).toMatch(/^[A-Z2-9]{8}$/);

		const shown = await (
			await call(server, '/profile/telegram?started=1', { cookie: `${session}; ${codeCookie}` })
		).text();
		expect(shown).toContain(code);
		expect(shown).toContain(`https://t.me/ustat_test_bot?start=${code}`);
		expect(shown).toContain('Код готов.');

		fake.sendToBot(9001, `/start ${code}`);
		expect(await readBotUpdates(server.db, new Date())).toBe(1);
		expect(fake.sent.at(-1)?.text).toContain('Готово!');

		const linked = await (
			await call(server, '/profile/telegram', { cookie: `${session}; ${codeCookie}` })
		).text();
		expect(linked).toContain('Ваш аккаунт Telegram подключён.');
		expect(linked).toContain('Дата подключения:');
		expect(linked).not.toContain(code); // used: not shown again

		const unlinked = await call(server, '/profile/telegram?/unlink', {
			cookie: session,
			form: {}
		});
		expect(unlinked.status).toBe(303);
		expect(unlinked.headers.get('location')).toBe('/profile/telegram?unlinked=1');
		const after = await (
			await call(server, '/profile/telegram?unlinked=1', { cookie: session })
		).text();
		expect(after).toContain('Telegram отключён.');
		expect(after).toContain('Ваш аккаунт Telegram пока не подключён.');
		// The token never reaches the logs.
		expect(server.output()).not.toContain(fake.token);
	});
});
