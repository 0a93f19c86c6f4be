import type { Locale } from './locale';

// A calendar day as a school writes it in a document's date line, not the web's format
// (Intl gives «2026-ж., 23-сентябрь» in Kyrgyz). Kyrgyz puts the month in its possessive
// form after a genitive year: «2026-жылдын 23-сентябры». The suffix follows the month's last
// vowel (ы after а/я, и after е, у after у), so the twelve forms are written out, not built.

const KYRGYZ_MONTHS = [
	'январы',
	'февралы',
	'марты',
	'апрели',
	'майы',
	'июну',
	'июлу',
	'августу',
	'сентябры',
	'октябры',
	'ноябры',
	'декабры'
] as const;

const RUSSIAN_MONTHS = [
	'января',
	'февраля',
	'марта',
	'апреля',
	'мая',
	'июня',
	'июля',
	'августа',
	'сентября',
	'октября',
	'ноября',
	'декабря'
] as const;

const ENGLISH_MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
] as const;

/**
 * 'YYYY-MM-DD' → «2026-жылдын 23-сентябры» / «23 сентября 2026 г.» / «23 September 2026».
 * The day is a school date (no time zone); the parts are bound with no-break spaces so the
 * date never breaks across lines.
 */
export function documentDate(day: string, locale: Locale): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) throw new Error(`not a calendar day: ${day}`);
	const [, year, month, date] = match;
	const index = Number(month) - 1;
	const d = Number(date);
	if (index < 0 || index > 11 || d < 1 || d > 31) throw new Error(`not a calendar day: ${day}`);
	switch (locale) {
		case 'ky':
			return `${year}-жылдын\u00a0${d}-${KYRGYZ_MONTHS[index]}`;
		case 'ru':
			return `${d}\u00a0${RUSSIAN_MONTHS[index]} ${year}\u00a0г.`;
		default:
			return `${d}\u00a0${ENGLISH_MONTHS[index]} ${year}`;
	}
}
