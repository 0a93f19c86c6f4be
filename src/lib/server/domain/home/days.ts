// School days ('YYYY-MM-DD') and wall-clock minutes, for what home sorts and filters by.

/** A day plus some days, both 'YYYY-MM-DD'. */
export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

const minuteFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as the wall clock of `timeZone` shows it: 'YYYY-MM-DD HH:MM' (sortable). */
export function localMinute(instant: Date, timeZone: string): string {
	let format = minuteFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		minuteFormats.set(timeZone, format);
	}
	const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
