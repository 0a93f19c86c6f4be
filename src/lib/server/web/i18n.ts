import { AsyncLocalStorage } from 'node:async_hooks';
import type { MessageKey } from '../../i18n/messages';
import type { Locale } from '../../i18n/locale';
import * as m from '../../paraglide/messages.js';
import { getLocale, overwriteServerAsyncLocalStorage } from '../../paraglide/runtime.js';

// Paraglide reads the request's locale from this store (set per request in hooks.server.ts),
// so concurrent requests in different languages never mix.
const store = new AsyncLocalStorage<{ locale: Locale }>();
overwriteServerAsyncLocalStorage(store as never);

export function withLocale<T>(locale: Locale, run: () => T): T {
	return store.run({ locale }, run);
}

export function currentLocale(): Locale {
	return getLocale();
}

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
