import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { throttleLimits } from '../../src/lib/server/domain/accounts/throttle';
import { makeSchool, makeUser, testPassword } from '../../src/lib/server/test/factories';
import {
	call,
	cookieFrom,
	startTestServer,
	type TestServer
} from '../../src/lib/server/test/server';
import { submit } from '../../src/lib/server/test/submit';
import { setUp } from '../integration/world';

// Issue 16 (signin) over HTTP on the built app: finding 6 (the sign-in throttle raced by
// parallel guesses), finding 8 (a deactivated account told apart by its answer), sessions of
// a shared computer, the __Host- cookie under https, and two-factor sign-in end to end.

let server: TestServer;
let schoolId: string;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
	server = await startTestServer();
	await setUp(server);
	schoolId = (await makeSchool(server.db)).id;
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

const signIn = (email: string, password: string, extra: Record<string, string> = {}) =>
	call(server, '/signin', { form: { email, password, ...extra } });

describe('the sign-in throttle (finding 6)', () => {
	it(`evaluates at most ${throttleLimits.perAccount} of 20 parallel wrong passwords; then the right one waits too`, async () => {
		const user = await makeUser(server.db, { schoolId });
		const responses = await Promise.all(
			Array.from({ length: 20 }, (_, i) => signIn(user.email, `parallel-guess-${i}`))
		);
		const statuses = responses.map((r) => r.status);
		const evaluated = statuses.filter((s) => s === 400).length;
		expect(evaluated).toBeLessThanOrEqual(throttleLimits.perAccount);
		expect(statuses.filter((s) => s === 429)).toHaveLength(20 - evaluated);
		const right = await signIn(user.email, testPassword);
		expect(right.status).toBe(429);
		expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(cookieFrom(right, sessionCookie)).toBeUndefined();
		const failed = await server.db
			.selectFrom('securityEvents')
			.select('kind')
			.where('userId', '=', user.id)
			.where('kind', '=', 'sign_in_failed')
			.execute();
		expect(failed).toHaveLength(evaluated);
	});
});

describe('a deactivated account (finding 8)', () => {
	it('answers as a wrong password, whatever the password', async () => {
		const user = await makeUser(server.db, { schoolId, isActive: false });
		const right = await signIn(user.email, testPassword);
		const wrong = await signIn(user.email, 'not-the-password');
		const unknown = await signIn('nobody-here@test.kg', 'not-the-password');
		expect(right.status).toBe(400);
		expect(wrong.status).toBe(400);
		expect(unknown.status).toBe(400);
		const bodies = [await right.text(), await wrong.text()].map(text);
		expect(bodies[0]).toContain('Электрондук почта же сырсөз туура эмес.');
		expect(bodies[0]).not.toContain('токтотулган');
		// The same page but for what differs in every answer (the request id, the CSP nonce).
		const strip = (s: string) => s.replace(/[0-9a-f-]{36}|nonce-[^'"]+|nonce="[^"]+"/g, '');
		expect(strip(bodies[0]!)).toBe(strip(bodies[1]!));
	});
});

describe('sessions', () => {
	it('on a shared computer, the cookie ends with the browser; otherwise it has an expiry', async () => {
		const user = await makeUser(server.db, { schoolId });
		const shared = await signIn(user.email, testPassword, { isSharedComputer: 'on' });
		expect(shared.status).toBe(303);
		const sharedHeader = shared.headers
			.getSetCookie()
			.find((c) => c.startsWith(`${sessionCookie}=`))!;
		expect(sharedHeader).not.toMatch(/expires=|max-age=/i);
		const row = await server.db
			.selectFrom('sessions')
			.select(['isSharedComputer', 'expiresAt', 'createdAt'])
			.where('userId', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(row.isSharedComputer).toBe(true);
		expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(2 * 3600_000);
		const cookie = cookieFrom(shared, sessionCookie)!;
		expect((await call(server, '/home', { cookie })).status).toBe(200);

		const normal = await signIn(user.email, testPassword);
		const normalHeader = normal.headers
			.getSetCookie()
			.find((c) => c.startsWith(`${sessionCookie}=`))!;
		expect(normalHeader).toMatch(/expires=/i);
	});

	it('under https the cookie is __Host-ustat_session: Secure, Path=/, no Domain; sign-out works', async () => {
		const origin = 'https://ustat.example';
		const https = await startTestServer({ env: { BASE_URL: origin } });
		try {
			await setUp(https);
			const school = await makeSchool(https.db);
			const user = await makeUser(https.db, { schoolId: school.id });
			const response = await call(https, '/signin', {
				form: { email: user.email, password: testPassword },
				headers: { origin }
			});
			expect(response.status).toBe(303);
			const header = response.headers
				.getSetCookie()
				.find((c) => c.startsWith('__Host-ustat_session='))!;
			expect(header).toBeDefined();
			expect(header).toMatch(/;\s*Secure/i);
			expect(header).toMatch(/;\s*Path=\/(;|$)/i);
			expect(header).not.toMatch(/domain=/i);
			expect(cookieFrom(response, sessionCookie)).toBeUndefined();
			const cookie = cookieFrom(response, '__Host-ustat_session')!;
			expect((await call(https, '/home', { cookie })).status).toBe(200);
			// The plain name is not read under https.
			const plain = cookie.replace('__Host-ustat_session', sessionCookie);
			expect((await call(https, '/home', { cookie: plain })).status).toBe(303);
			const out = await call(https, '/signout', { cookie, form: {}, headers: { origin } });
			expect(out.status).toBe(303);
			expect(out.headers.getSetCookie().join()).toMatch(/__Host-ustat_session=;/);
			expect((await call(https, '/home', { cookie })).status).toBe(303);
		} finally {
			await https.stop();
		}
	});
});

/** The code the app shows, for a moment a step ahead (the code of this step may be used). */
const codeFor = (secret: string, offsetMs = 30_000) =>
	new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offsetMs });

async function turnOn(cookie: string) {
	expect((await call(server, '/profile/security?/start', { cookie, form: {} })).status).toBe(303);
	const page = await (await call(server, '/profile/security', { cookie })).text();
	const secret = /data-secret="([A-Z2-7]+)"/.exec(page)![1]!;
	expect(page).toContain('data:image/svg+xml;base64,');
	const confirmed = await submit(server, '/profile/security?/confirm', {
		cookie,
		form: { code: codeFor(secret, 0) }
	});
	expect(confirmed.status).toBe(200);
	const codes = [
		...(await confirmed.text()).matchAll(/<code>([A-Z0-9]{4}(?:-[A-Z0-9]{4}){3})<\/code>/g)
	].map((m) => m[1]!);
	expect(codes).toHaveLength(10);
	return { secret, codes };
}

describe('two-factor sign-in', () => {
	it('is turned on at /profile/security, then asked after the password', async () => {
		const user = await makeUser(server.db, { schoolId });
		const cookie = cookieFrom(await signIn(user.email, testPassword), sessionCookie)!;
		const { secret, codes } = await turnOn(cookie);
		// Shown once: the page does not show them again.
		expect(await (await call(server, '/profile/security', { cookie })).text()).not.toContain(
			codes[0]
		);

		const password = await signIn(user.email, testPassword);
		expect(password.status).toBe(303);
		expect(password.headers.get('location')).toBe('/signin/code');
		expect(cookieFrom(password, sessionCookie)).toBeUndefined();
		const challenge = cookieFrom(password, 'ustat_signin')!;
		expect((await call(server, '/signin/code', { cookie: challenge })).status).toBe(200);
		expect((await call(server, '/signin/code')).status).toBe(303);

		const wrong = await call(server, '/signin/code', {
			cookie: challenge,
			form: { code: '000000' }
		});
		expect(wrong.status).toBe(400);
		expect(text(await wrong.text())).toContain('Код туура эмес');
		const right = await call(server, '/signin/code', {
			cookie: challenge,
			form: { code: codeFor(secret) }
		});
		expect(right.status).toBe(303);
		expect(right.headers.get('location')).toBe('/home');
		const session = cookieFrom(right, sessionCookie)!;
		expect((await call(server, '/home', { cookie: session })).status).toBe(200);

		// A recovery code instead of the app.
		const again = cookieFrom(await signIn(user.email, testPassword), 'ustat_signin')!;
		const recovered = await call(server, '/signin/code', {
			cookie: again,
			form: { code: codes[3]! }
		});
		expect(recovered.status).toBe(303);
		const kinds = (
			await server.db
				.selectFrom('securityEvents')
				.select('kind')
				.where('userId', '=', user.id)
				.orderBy('id')
				.execute()
		).map((r) => r.kind);
		expect(kinds).toEqual(
			expect.arrayContaining(['two_factor_enabled', 'two_factor_failed', 'recovery_code_used'])
		);
	});

	it('sends an admin without it to /profile/security first when the deployment requires it', async () => {
		const admin = await makeUser(server.db, { schoolId, role: 'admin' });
		await server.db.updateTable('deployment').set({ isTwoFactorRequired: true }).execute();
		try {
			const cookie = cookieFrom(await signIn(admin.email, testPassword), sessionCookie)!;
			for (const path of ['/home', '/admin/staff']) {
				const response = await call(server, path, { cookie });
				expect(response.status, path).toBe(303);
				expect(response.headers.get('location')).toBe('/profile/security');
			}
			// An action elsewhere does not run either.
			const action = await call(server, '/profile?/save', { cookie, form: { fullName: 'X Y' } });
			expect(action.status).toBe(303);
			expect(action.headers.get('location')).toBe('/profile/security');
			const page = await call(server, '/profile/security', { cookie });
			expect(page.status).toBe(200);
			expect(text(await page.text())).toContain('милдеттүү');
			await turnOn(cookie);
			expect((await call(server, '/home', { cookie })).status).toBe(200);
			const out = await call(server, '/signout', { cookie, form: {} });
			expect(out.status).toBe(303);
		} finally {
			await server.db.updateTable('deployment').set({ isTwoFactorRequired: false }).execute();
		}
	});
});
