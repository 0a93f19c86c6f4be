import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { makeUser, sessionTokenFor, testPassword } from '../../src/lib/server/test/factories';
import { call, startTestServer, type TestServer } from '../../src/lib/server/test/server';
import { setUp } from '../integration/world';
import { hostileNext } from './redirect-corpus';

// Issue 16, findings 5 and 8 (web): the redirect corpus over HTTP on every route that takes
// `next`, security headers on pages and static files, what /healthz tells, file modes.

let server: TestServer;
let email: string;
let cookie: string;
let dataDir: string;

beforeAll(async () => {
	// A data folder made open (755), as an older version or a careless hand left it.
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-modes-'));
	fs.chmodSync(dataDir, 0o755);
	server = await startTestServer({ dataDir });
	const { schoolId } = await setUp(server);
	const user = await makeUser(server.db, { schoolId, role: 'teacher' });
	email = user.email;
	cookie = `${sessionCookie}=${await sessionTokenFor(server.db, user)}`;
}, 60_000);
afterAll(async () => {
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The browser stays on the app: a path of this origin, never "//" or a backslash. */
function expectOnSite(response: Response, next: string) {
	const label = JSON.stringify(next);
	expect(response.status, label).toBe(303);
	expectSafePath(response.headers.get('location')!, next);
}

function expectSafePath(location: string, next: string) {
	const label = JSON.stringify(next);
	expect(location, label).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
	expect(new URL(location, server.url).origin, label).toBe(server.url);
}

/** A static file adapter-node serves from build/client (never through the hooks). */
function staticAsset(): string {
	const dir = path.resolve(import.meta.dirname, '../../build/client/_app/immutable/assets');
	const file = fs.readdirSync(dir).find((name) => name.endsWith('.css'));
	return file ? `/_app/immutable/assets/${file}` : '/_app/version.json';
}

const query = (next: string) => `?${new URLSearchParams({ next })}`;

describe('the redirect corpus over HTTP', () => {
	const values = [...hostileNext, '/ユーザー', '/home?q=тест'];

	it('after signing in (POST /signin?next=…)', async () => {
		for (const next of values) {
			const response = await call(server, `/signin${query(next)}`, {
				form: { email, password: testPassword }
			});
			expectOnSite(response, next);
		}
	});

	it('when already signed in (GET /signin?next=…)', async () => {
		for (const next of values)
			expectOnSite(await call(server, `/signin${query(next)}`, { cookie }), next);
	});

	it('when already signed in, at the second step (GET /signin/code?next=…)', async () => {
		for (const next of values)
			expectOnSite(await call(server, `/signin/code${query(next)}`, { cookie }), next);
	});

	it('the sign-in page itself renders for any next, never a 500', async () => {
		for (const next of values) {
			const response = await call(server, `/signin${query(next)}`);
			expect(response.status, JSON.stringify(next)).toBe(200);
			// The form posts back with only a safe next, if any.
			const kept = /action="\?next=([^"]*)"/.exec(await response.text())?.[1];
			if (kept) expectSafePath(decodeURIComponent(kept.replaceAll('&amp;', '&')), next);
		}
	});

	it('after choosing a language (POST /language)', async () => {
		for (const next of values) {
			const response = await call(server, '/language', { form: { locale: 'ru', next }, cookie });
			expectOnSite(response, next);
		}
	});

	it('a path of the site is kept, percent-encoded', async () => {
		const response = await call(server, `/signin${query('/home?q=тест')}`, { cookie });
		expect(response.headers.get('location')).toBe('/home?q=%D1%82%D0%B5%D1%81%D1%82');
	});
});

describe('headers', () => {
	it('HTML declares UTF-8', async () => {
		const response = await call(server, '/signin');
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
	});

	it('static files under /_app carry nosniff', async () => {
		const response = await fetch(server.url + staticAsset());
		expect(response.status).toBe(200);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		// Over plain http there is no HSTS (a browser would ignore it, localhost would keep it).
		expect(response.headers.get('strict-transport-security')).toBeNull();
	});

	it('/healthz tells a load balancer the state, and nobody the version', async () => {
		const response = await call(server, '/healthz');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
	});
});

describe('file modes', () => {
	it('DATA_DIR is 700 after a start, and what the app wrote is 600', async () => {
		expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
		const walk = (dir: string): string[] =>
			fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
				const full = path.join(dir, entry.name);
				return entry.isDirectory() ? [full, ...walk(full)] : [full];
			});
		for (const entry of walk(dataDir)) {
			const stat = fs.statSync(entry);
			expect(stat.mode & 0o777, entry).toBe(stat.isDirectory() ? 0o700 : 0o600);
		}
	});
});

describe('behind https', () => {
	let secure: TestServer;
	beforeAll(async () => {
		secure = await startTestServer({ env: { BASE_URL: 'https://ustat.example' } });
	}, 60_000);
	afterAll(async () => {
		await secure?.stop();
	});

	it('every answer carries HSTS, static files too', async () => {
		const hsts = 'max-age=31536000; includeSubDomains';
		for (const pathname of ['/healthz', '/signin', '/setup']) {
			const response = await fetch(secure.url + pathname, { redirect: 'manual' });
			expect(response.headers.get('strict-transport-security'), pathname).toBe(hsts);
		}
		const response = await fetch(secure.url + staticAsset());
		expect(response.status).toBe(200);
		expect(response.headers.get('strict-transport-security')).toBe(hsts);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
