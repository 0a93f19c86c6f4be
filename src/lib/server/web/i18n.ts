import { getRequestEvent } from '$app/server';
import type { MessageKey } from '../../i18n/messages';
import { baseLocale, type Locale } from '../../i18n/locale';
import * as m from '../../paraglide/messages.js';
import { overwriteGetLocale } from '../../paraglide/runtime.js';

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
	return message ? message(params ?? {}, locale ? { locale } : undefined) : key;
}
