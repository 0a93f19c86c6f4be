import type { Cookies } from '@sveltejs/kit';
import { config } from '../config.js';
import { sessionCookie } from '../domain/accounts/sessions';

// The session cookie: httpOnly, SameSite=Lax. Under https it is Secure and named with the
// `__Host-` prefix, which browsers accept only when Secure, Path=/ and without Domain: no
// other site under the same domain can set or shadow it. Over http (development, tests) it
// keeps its plain name.

const isHttps = () => config().baseUrl.startsWith('https:');

/** The session cookie's name for this deployment. */
export const sessionCookieName = () => (isHttps() ? `__Host-${sessionCookie}` : sessionCookie);

/** The cookie of a sign-in waiting for its second factor (/signin/code). */
export const challengeCookieName = () => (isHttps() ? '__Host-ustat_signin' : 'ustat_signin');

const options = () => ({
	path: '/',
	httpOnly: true,
	sameSite: 'lax' as const,
	secure: isHttps()
});

/** A null expiry makes a cookie that ends with the browser (a shared computer). */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date | null): void {
	cookies.set(sessionCookieName(), token, {
		...options(),
		...(expiresAt ? { expires: expiresAt } : {})
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(sessionCookieName(), options());
}

/** A new session's cookie: ends with the browser on a shared computer. */
export function setNewSessionCookie(
	cookies: Cookies,
	session: { token: string; expiresAt: Date; isSharedComputer: boolean }
): void {
	setSessionCookie(cookies, session.token, session.isSharedComputer ? null : session.expiresAt);
}

export function setChallengeCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(challengeCookieName(), token, { ...options(), expires: expiresAt });
}

export function clearChallengeCookie(cookies: Cookies): void {
	cookies.delete(challengeCookieName(), options());
}
