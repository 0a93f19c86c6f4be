// Wall-clock times of the deployment's time zone ('YYYY-MM-DDTHH:MM', as a datetime-local
// field sends them) and instants, both ways.

/** Milliseconds the zone is ahead of UTC at the instant. */
function offsetAt(instant: number, timeZone: string): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		})
			.formatToParts(new Date(instant))
			.map((p) => [p.type, p.value])
	);
	const asUtc = Date.UTC(
		Number(parts.year),
		Number(parts.month) - 1,
		Number(parts.day),
		Number(parts.hour),
		Number(parts.minute),
		Number(parts.second)
	);
	return asUtc - Math.floor(instant / 1000) * 1000;
}

const wallClock = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** '2026-12-01T18:00' in Asia/Bishkek → the instant; null when it is not a real time. */
export function fromWallClock(value: string, timeZone: string): Date | null {
	const m = wallClock.exec(value);
	if (!m) return null;
	const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
		number,
		number,
		number,
		number,
		number
	];
	const guess = Date.UTC(year, month - 1, day, hour, minute);
	const check = new Date(guess);
	if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59)
		return null;
	const first = guess - offsetAt(guess, timeZone);
	// Once more, in case the offset differs at the corrected instant (daylight saving).
	return new Date(guess - offsetAt(first, timeZone));
}

/** The instant as the zone's wall-clock time, for a datetime-local field. */
export function toWallClock(instant: Date, timeZone: string): string {
	return new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone))
		.toISOString()
		.slice(0, 16);
}
