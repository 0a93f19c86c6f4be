import { formatDate } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';

// Calendar days ('YYYY-MM-DD') are school dates, not instants: formatted as UTC so that no
// time zone shifts them by a day.

export function formatDay(day: string, locale: Locale): string {
	return formatDate(new Date(`${day}T00:00:00Z`), locale, 'UTC');
}

/** Today's calendar day in the deployment's time zone. */
export function today(timeZone: string, now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(now);
}
