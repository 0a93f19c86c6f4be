import type { Locale } from './locale';

// Dates and numbers are formatted on the server: Node's ICU has Kyrgyz data, Chromium lacks it.

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
	key: string,
	make: () => T
): T {
	let value = cache.get(key) as T | undefined;
	if (!value) {
		value = make();
		cache.set(key, value);
	}
	return value;
}

/** "2026-ж., 25-ноябрь" / "25 ноября 2026 г." / "November 25, 2026" */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
	return cached(
		`d:${locale}:${timeZone}`,
		() => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })
	).format(date);
}

export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
	return cached(
		`dt:${locale}:${timeZone}`,
		() => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone })
	).format(date);
}

/**
 * The locale whose number data to use. Kyrgyz writes numbers as Russian does («4,5»,
 * «12 345»): where the ICU lacks Kyrgyz (Chromium), Russian data gives the same digits
 * rather than the browser's own «4.5».
 */
function numberLocale(locale: Locale): string {
	return locale === 'ky' && Intl.NumberFormat.supportedLocalesOf('ky').length === 0 ? 'ru' : locale;
}

export function formatNumber(value: number, locale: Locale): string {
	return cached(`n:${locale}`, () => new Intl.NumberFormat(numberLocale(locale))).format(value);
}

/**
 * A decimal the locale's way: "4,5" in ky and ru, "4.5" in en. At most `digits` after the
 * separator, at least `minimumDigits` (a column of averages keeps "4,0" beside "4,5").
 */
export function formatDecimal(
	value: number,
	locale: Locale,
	digits: number,
	minimumDigits = 0
): string {
	return cached(
		`dec:${locale}:${digits}:${minimumDigits}`,
		() =>
			new Intl.NumberFormat(numberLocale(locale), {
				minimumFractionDigits: minimumDigits,
				maximumFractionDigits: digits
			})
	).format(value);
}

/**
 * A share given in percent (0–100), with the sign the locale's way: "58,4%" in ky,
 * "58,4 %" (a non-breaking space) in ru, "58.4%" in en.
 */
export function formatPercent(percent: number, locale: Locale, digits = 0): string {
	const data = numberLocale(locale);
	const text = cached(
		`pc:${data}:${digits}`,
		() => new Intl.NumberFormat(data, { style: 'percent', maximumFractionDigits: digits })
	).format(percent / 100);
	// Borrowed Russian data sets the sign apart; Kyrgyz (CLDR) writes «58,4%».
	return data === locale ? text : text.replace(/\s%/, '%');
}

/** "2 саат мурун"; shown only beside an absolute date (docs/design.md). */
export function formatRelative(date: Date, now: Date, locale: Locale): string {
	const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
	const units: [Intl.RelativeTimeFormatUnit, number][] = [
		['year', 365 * 24 * 3600],
		['month', 30 * 24 * 3600],
		['day', 24 * 3600],
		['hour', 3600],
		['minute', 60]
	];
	const format = cached(
		`r:${locale}`,
		() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
	) as Intl.RelativeTimeFormat;
	for (const [unit, size] of units) {
		if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
	}
	return format.format(0, 'minute');
}

/** Kyrgyz alphabet order (Ң after Н, Ө after О, Ү after У) or the locale's own. */
export function collator(locale: Locale): Intl.Collator {
	return new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
}
