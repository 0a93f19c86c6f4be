import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { adminQuery, dialectUnderTest } from '../../src/lib/server/test/db';
import { sessionTokenFor } from '../../src/lib/server/test/factories';
import { call, startTestServer, type TestServer } from '../../src/lib/server/test/server';
import { setUp, useWorld, type World } from './world';

// Languages, error pages, request ids, health, shutdown, configuration, two processes.

let server: TestServer;
let world: World;
const root = path.resolve(import.meta.dirname, '../..');

useWorld((s, w) => {
	server = s;
	world = w;
});

const langOf = async (r: Response) => (await r.text()).match(/<html lang="(\w+)">/)?.[1];

describe('language: profile, then cookie, then Accept-Language, then Kyrgyz', () => {
	it('defaults to Kyrgyz and follows the browser', async () => {
		expect(await langOf(await call(server, '/signin'))).toBe('ky');
		expect(
			await langOf(
				await call(server, '/signin', { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } })
			)
		).toBe('ru');
		expect(
			await langOf(
				await call(server, '/signin', { headers: { 'accept-language': 'en-GB,en;q=0.8' } })
			)
		).toBe('en');
	});

	it('the switcher sets a cookie that beats the browser, and returns to the page', async () => {
		const switched = await call(server, '/language', {
			form: { locale: 'en', next: '/signin?next=%2Fhome' }
		});
		expect(switched.status).toBe(303);
		expect(switched.headers.get('location')).toBe('/signin?next=%2Fhome');
		const cookie = switched.headers
			.getSetCookie()
			.find((c) => c.startsWith('ustat_lang='))!
			.split(';')[0]!;
		expect(cookie).toBe('ustat_lang=en');
		const page = await call(server, '/signin', { cookie, headers: { 'accept-language': 'ru' } });
		const html = await page.text();
		expect(html).toContain('<html lang="en">');
		expect(html).toContain('Sign in to Ustat');
		// An unknown language or a foreign "next" changes nothing dangerous.
		const odd = await call(server, '/language', {
			form: { locale: 'fr', next: 'https://evil.example/' }
		});
		expect(odd.headers.get('location')).toBe('/');
		expect(odd.headers.getSetCookie().some((c) => c.startsWith('ustat_lang='))).toBe(false);
	});

	it('a signed-in user’s profile language beats the cookie, and the switcher updates the profile', async () => {
		const cookie = `${world.cookies.adminB}; ustat_lang=en`;
		expect(await langOf(await call(server, '/home', { cookie }))).toBe('ky');
		await call(server, '/language', { cookie, form: { locale: 'ru', next: '/home' } });
		const row = await server.db
			.selectFrom('users')
			.select('locale')
			.where('id', '=', world.users.adminB.id)
			.executeTakeFirstOrThrow();
		expect(row.locale).toBe('ru');
		const html = await (await call(server, '/home', { cookie: world.cookies.adminB })).text();
		expect(html).toContain('<html lang="ru">');
		expect(html).toContain('Здравствуйте');
	});

	it('every page carries the switcher, in all three languages', async () => {
		for (const [pathname, cookie] of [
			['/', undefined],
			['/signin', undefined],
			['/forgot', undefined],
			['/home', world.cookies.adminA],
			['/profile', world.cookies.adminA],
			['/admin/staff', world.cookies.adminA],
			['/operator/schools', world.cookies.operator],
			['/no-such-page', undefined]
		] as const) {
			const html = await (await call(server, pathname, { cookie })).text();
			expect(html, pathname).toContain('action="/language"');
			for (const name of ['Кыргызча', 'Русский', 'English']) expect(html, pathname).toContain(name);
		}
	});
});

describe('error pages', () => {
	it('404 is translated, in the app shell, with the request id that is also in the header and log', async () => {
		const response = await call(server, '/no-such-page', { headers: { 'accept-language': 'ru' } });
		expect(response.status).toBe(404);
		const id = response.headers.get('x-request-id')!;
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		const html = await response.text();
		expect(html).toContain('Страница не найдена');
		expect(html).toContain(`ID запроса: ${id}`);
		await expect.poll(() => server.output()).toContain(`"reqId":"${id}"`);
		const line = server
			.output()
			.split('\n')
			.find((l) => l.includes(`"reqId":"${id}"`))!;
		expect(JSON.parse(line)).toMatchObject({ method: 'GET', path: '/no-such-page', status: 404 });
	});

	it('an unknown staff member is a 404, not a leak or a crash', async () => {
		const response = await call(server, '/admin/staff/00000000-0000-7000-8000-000000000000', {
			cookie: world.cookies.adminA
		});
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('Барак табылган жок');
	});

	it('never logs the secret part of invitation and reset links', async () => {
		const secret = 'SECRETSECRETSECRETSECRETSECRETSECRETSECRET1';
		await call(server, `/invite/${secret}`);
		await call(server, `/reset/${secret}`);
		await expect.poll(() => server.output()).toContain('"path":"/reset/…"');
		expect(server.output()).not.toContain(secret);
	});

	it('sends security headers and keeps pages out of shared caches', async () => {
		const response = await call(server, '/signin');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});

	it('public pages ship no JavaScript', async () => {
		for (const pathname of ['/', '/signin', '/forgot']) {
			const html = await (await call(server, pathname)).text();
			expect(html, pathname).not.toMatch(/<script|modulepreload/);
		}
	});
});

describe('operations', () => {
	it('GET /healthz reports status and database, not the version (issue 16)', async () => {
		const response = await call(server, '/healthz');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
		// The operator finds the version in the start-up log instead.
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
		expect(server.output()).toContain(`"version":"${pkg.version}"`);
	});

	it('refuses to start with a bad configuration, naming each variable', () => {
		const result = spawnSync(process.execPath, ['scripts/start.js'], {
			cwd: root,
			env: {
				PATH: process.env.PATH,
				USTAT_SKIP_BUILD: '1',
				PORT: 'eighty',
				DATABASE_URL: 'mysql://x/y',
				LOG_LEVEL: 'loud'
			},
			encoding: 'utf8'
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Invalid configuration');
		for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(result.stderr).toContain(name);
	});

	it('finishes the request in flight on SIGTERM, closes the database and exits 0', async () => {
		const other = await startTestServer();
		try {
			// A sign-in spends ~50 ms hashing: stop the server while it is being answered.
			const pending = call(other, '/signin', {
				form: { email: 'slow@a.kg', password: 'some password 123' }
			});
			await new Promise((r) => setTimeout(r, 10));
			other.process.kill('SIGTERM');
			const response = await pending;
			expect(response.status).toBeLessThan(500);
			const code = await other.stop();
			expect(code).toBe(0);
			expect(other.output()).toContain('"msg":"stopped"');
		} finally {
			await other.stop();
		}
	});

	it.runIf(dialectUnderTest === 'sqlite')(
		'two processes on one data folder start together and migrate once',
		async () => {
			const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-two-'));
			const [a, b] = await Promise.all([
				startTestServer({ dataDir }),
				startTestServer({ dataDir })
			]);
			try {
				expect((await call(a, '/healthz')).status).toBe(200);
				expect((await call(b, '/healthz')).status).toBe(200);
				const migrations = await a.db
					.selectFrom('kysely_migration' as never)
					.selectAll()
					.execute();
				expect(migrations.length).toBeGreaterThan(0);
				expect(new Set(migrations.map((m) => (m as { name: string }).name)).size).toBe(
					migrations.length
				);
			} finally {
				await Promise.all([a.stop(), b.stop()]);
				fs.rmSync(dataDir, { recursive: true, force: true });
			}
		}
	);

	it.runIf(dialectUnderTest === 'postgres')(
		'a database outage answers a translated 500 with the request id, and /healthz 503',
		async () => {
			const other = await startTestServer();
			try {
				await setUp(other);
				const user = await other.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
				const cookie = `${sessionCookie}=${await sessionTokenFor(other.db, user)}`;
				expect((await call(other, '/home', { cookie })).status).toBe(200);
				await adminQuery(
					process.env.TEST_DATABASE_URL!,
					`drop database ${other.databaseName} with (force)`
				);
				const response = await call(other, '/home', {
					cookie,
					headers: { 'accept-language': 'ru' }
				});
				expect(response.status).toBe(500);
				const id = response.headers.get('x-request-id')!;
				const html = await response.text();
				expect(html).toContain('<html lang="ru">');
				expect(html).toContain('На сервере произошла ошибка');
				expect(html).toContain(`ID запроса: ${id}`);
				const health = await call(other, '/healthz');
				expect(health.status).toBe(503);
				expect(await health.json()).toMatchObject({ status: 'error', database: 'error' });
				expect(other.output()).toContain('request failed before rendering');
			} finally {
				await other.stop();
			}
		}
	);

	it('prints clear logs as JSON lines', () => {
		const lines = server
			.output()
			.split('\n')
			.filter((l) => l.startsWith('{'));
		expect(lines.length).toBeGreaterThan(5);
		for (const line of lines.slice(0, 20)) expect(() => JSON.parse(line)).not.toThrow();
	});
});
