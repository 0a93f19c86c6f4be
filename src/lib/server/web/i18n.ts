import { getRequestEvent } from '$app/server';
import { formatDecimal } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { baseLocale, type Locale } from '../../i18n/locale';
import * as m from '../../paraglide/messages.js';
import { getLocale, overwriteGetLocale } from '../../paraglide/runtime.js';

// On the server, Paraglide takes the language of the request being answered, which
// hooks.server.ts puts in locals.locale. SvelteKit already tracks the current request with
// AsyncLocalStorage (getRequestEvent), so concurrent requests in different languages never
// mix and no second store is needed. Outside a request (scripts, jobs): Kyrgyz, or pass
// `locale` explicitly.
overwriteGetLocale(() => {
	try {
		return getRequestEvent().locals.locale ?? baseLocale;
	} catch {
		return baseLocale;
	}
});

type MessageFunction = (params?: Record<string, unknown>, options?: { locale?: Locale }) => string;

/** A message by key (keys come from AppError/ValidationError), in the request's language. */
export function translate(
	key: MessageKey,
	params?: Record<string, unknown>,
	locale?: Locale
): string {
	const message = (m as unknown as Record<string, MessageFunction>)[key];
	if (!message) return key;
	return message(
		localNumbers(params ?? {}, locale ?? getLocale()),
		locale ? { locale } : undefined
	);
}

/**
 * A message prints its parameters with String(): "2.5" even in ky and ru. Fractions (an
 * upload limit of 2,5 MB, an average) are written the locale's way instead; whole numbers
 * stay as they are (a year, a protocol number: no "2 026").
 */
function localNumbers(params: Record<string, unknown>, locale: Locale): Record<string, unknown> {
	let out = params;
	for (const [name, value] of Object.entries(params)) {
		if (typeof value !== 'number' || Number.isInteger(value) || !Number.isFinite(value)) continue;
		if (out === params) out = { ...params };
		out[name] = formatDecimal(value, locale, 2);
	}
	return out;
}
