import { baseLocale, isLocale, locales, type Locale } from '../paraglide/runtime.js';

export { baseLocale, locales, isLocale, type Locale };

/** Cookie that remembers the language chosen by someone who is not signed in. */
export const localeCookie = 'ustat_lang';

/** Names of the languages in themselves, for the switcher. */
export const localeNames: Record<Locale, string> = {
	ky: 'Кыргызча',
	ru: 'Русский',
	en: 'English'
};

/**
 * The language of a request: the signed-in user's profile, else the cookie, else the
 * browser's Accept-Language (by quality), else Kyrgyz.
 */
export function negotiateLocale(input: {
	profile?: string | null;
	cookie?: string | null;
	acceptLanguage?: string | null;
}): Locale {
	if (input.profile && isLocale(input.profile)) return input.profile;
	if (input.cookie && isLocale(input.cookie)) return input.cookie;
	return fromAcceptLanguage(input.acceptLanguage ?? '') ?? baseLocale;
}

function fromAcceptLanguage(header: string): Locale | undefined {
	const ranges = header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number(q.slice(2)) : 1;
			return { tag: tag.trim().toLowerCase(), quality: Number.isNaN(quality) ? 0 : quality, index };
		})
		.filter((r) => r.tag && r.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index);
	for (const { tag } of ranges) {
		const primary = tag.split('-')[0] ?? '';
		if (isLocale(primary)) return primary;
	}
	return undefined;
}
