import type { Cookies } from '@sveltejs/kit';
import { config } from '../config.js';
import { sessionCookie } from '../domain/accounts/sessions';

/** The session cookie: httpOnly, SameSite=Lax, Secure when the site is served over https. */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(sessionCookie, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: config().baseUrl.startsWith('https:'),
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(sessionCookie, { path: '/', secure: config().baseUrl.startsWith('https:') });
}
