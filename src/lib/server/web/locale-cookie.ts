import type { Cookies } from '@sveltejs/kit';
import { localeCookie, type Locale } from '../../i18n/locale';

/** Remembers a language choice for a year (also after sign-out, on this browser). */
export function setLocaleCookie(cookies: Cookies, locale: Locale): void {
	cookies.set(localeCookie, locale, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		maxAge: 60 * 60 * 24 * 365
	});
}
