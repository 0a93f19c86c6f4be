import { describe, expect, it } from 'vitest';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { throttleLimits } from '../../src/lib/server/domain/accounts/throttle';
import { testPassword } from '../../src/lib/server/test/factories';
import {
	call,
	cookieFrom,
	startTestServer,
	type TestServer
} from '../../src/lib/server/test/server';
import { submit } from '../../src/lib/server/test/submit';
import { setUp, useWorld, type World } from './world';

// Accounts end to end over HTTP: sessions, sign-out, deactivation, throttling, CSRF.

let server: TestServer;
let world: World;

useWorld((s, w) => {
	server = s;
	world = w;
});

async function signIn(
	email: string,
	password: string,
	headers: Record<string, string> = {},
	cookie?: string
) {
	return call(server, '/signin', { form: { email, password }, headers, cookie });
}

describe('sessions', () => {
	it('sign-in issues a new session id, ignoring a session cookie planted before', async () => {
		const planted = `${sessionCookie}=planted-by-an-attacker-0123456789`;
		const response = await signIn(world.users.teacherA.email, testPassword, {}, planted);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/home');
		const cookie = cookieFrom(response, sessionCookie)!;
		expect(cookie).toBeDefined();
		expect(cookie).not.toBe(planted);
		const header = response.headers.getSetCookie().find((c) => c.startsWith(sessionCookie))!;
		expect(header).toMatch(/HttpOnly/i);
		expect(header).toMatch(/SameSite=Lax/i);
		expect((await call(server, '/home', { cookie })).status).toBe(200);
	});

	it('goes back to the page that asked for sign-in, but never to another site', async () => {
		const asked = await call(server, '/profile');
		expect(asked.headers.get('location')).toBe('/signin?next=%2Fprofile');
		const back = await call(server, '/signin?next=%2Fprofile', {
			form: { email: world.users.teacherA.email, password: testPassword }
		});
		expect(back.headers.get('location')).toBe('/profile');
		const evil = await call(server, '/signin?next=%2F%2Fevil.example', {
			form: { email: world.users.teacherA.email, password: testPassword }
		});
		expect(evil.headers.get('location')).toBe('/home');
	});

	it('sign-out ends the session on the server, not only in the browser', async () => {
		const cookie = cookieFrom(
			await signIn(world.users.teacherA.email, testPassword),
			sessionCookie
		)!;
		const out = await call(server, '/signout', { method: 'POST', cookie, form: {} });
		expect(out.status).toBe(303);
		// Replaying the old cookie does not work.
		const replay = await call(server, '/home', { cookie });
		expect(replay.status).toBe(303);
		expect(replay.headers.get('location')).toMatch(/^\/signin/);
	});

	it('deactivation ends the sessions of that account at once', async () => {
		const victim = world.users.victimA;
		const cookie = cookieFrom(await signIn(victim.email, testPassword), sessionCookie)!;
		expect((await call(server, '/home', { cookie })).status).toBe(200);
		const admin = cookieFrom(await signIn(world.users.adminA.email, testPassword), sessionCookie)!;
		const done = await submit(server, `/admin/staff/${victim.id}?/deactivate`, {
			cookie: admin,
			form: { password: testPassword }
		});
		expect(done.status).toBe(200);
		expect((await call(server, '/home', { cookie })).status).toBe(303);
		// Answered as a wrong password (issue 16, finding 8): no oracle of deactivation.
		const again = await signIn(victim.email, testPassword);
		expect(again.status).toBe(400);
		expect(await again.text()).toContain('Электрондук почта же сырсөз туура эмес.');
		await call(server, `/admin/staff/${victim.id}?/reactivate`, {
			cookie: admin,
			form: { password: testPassword }
		});
		expect((await signIn(victim.email, testPassword)).status).toBe(303);
	});

	it('refuses form posts from another origin (CSRF)', async () => {
		const response = await call(server, '/signin', {
			form: { email: world.users.teacherA.email, password: testPassword },
			headers: { origin: 'https://evil.example' }
		});
		expect(response.status).toBe(403);
		expect(cookieFrom(response, sessionCookie)).toBeUndefined();
	});
});

describe('login throttling over HTTP', () => {
	it(`answers 429 with Retry-After after ${throttleLimits.perAccount} failures, and a forged X-Forwarded-For does not help`, async () => {
		const email = world.users.teacherB.email;
		for (let i = 0; i < throttleLimits.perAccount; i++) {
			const response = await signIn(email, `wrong-${i}-password`, {
				'x-forwarded-for': `203.0.113.${i}`
			});
			expect(response.status).toBe(400);
		}
		const blocked = await signIn(email, testPassword, { 'x-forwarded-for': '198.51.100.7' });
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
		const html = await blocked.text();
		expect(html).toContain('Кирүү аракеттери өтө көп болду');
		expect(html).toContain(email); // what was typed is kept
		expect(cookieFrom(blocked, sessionCookie)).toBeUndefined();
	});

	it(`limits one address to ${throttleLimits.perIp} failures even when X-Forwarded-For changes`, async () => {
		const separate = await startTestServer();
		try {
			await setUp(separate);
			for (let i = 0; i < throttleLimits.perIp; i++) {
				const r = await call(separate, '/signin', {
					form: { email: `nobody${i}@x.kg`, password: 'wrong-password' },
					headers: { 'x-forwarded-for': `203.0.113.${i}` }
				});
				expect(r.status).toBe(400);
			}
			const r = await call(separate, '/signin', {
				form: { email: 'fresh@x.kg', password: 'wrong-password' },
				headers: { 'x-forwarded-for': '192.0.2.1' }
			});
			expect(r.status).toBe(429);
		} finally {
			await separate.stop();
		}
	});

	it('trusts X-Forwarded-For only behind a configured proxy', async () => {
		const proxied = await startTestServer({ env: { TRUSTED_PROXIES: '1' } });
		try {
			await setUp(proxied);
			for (let i = 0; i < throttleLimits.perIp; i++) {
				await call(proxied, '/signin', {
					form: { email: `nobody${i}@x.kg`, password: 'wrong-password' },
					headers: { 'x-forwarded-for': '203.0.113.50' }
				});
			}
			const sameClient = await call(proxied, '/signin', {
				form: { email: 'fresh@x.kg', password: 'wrong-password' },
				headers: { 'x-forwarded-for': '203.0.113.50' }
			});
			expect(sameClient.status).toBe(429);
			// Another client behind the same proxy is not punished for the first one.
			const otherClient = await call(proxied, '/signin', {
				form: { email: 'fresh@x.kg', password: 'wrong-password' },
				headers: { 'x-forwarded-for': '203.0.113.51' }
			});
			expect(otherClient.status).toBe(400);
		} finally {
			await proxied.stop();
		}
	});
});
