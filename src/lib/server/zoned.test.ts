import { describe, expect, it } from 'vitest';
import { fromWallClock, toWallClock } from './zoned';

describe('wall-clock times of the deployment', () => {
	it('Bishkek is UTC+6 all year', () => {
		expect(fromWallClock('2026-12-01T18:00', 'Asia/Bishkek')?.toISOString()).toBe(
			'2026-12-01T12:00:00.000Z'
		);
		expect(toWallClock(new Date('2026-06-30T20:30:00Z'), 'Asia/Bishkek')).toBe('2026-07-01T02:30');
	});

	it('daylight saving zones round-trip', () => {
		const summer = fromWallClock('2026-07-01T09:15', 'Europe/Berlin')!;
		expect(summer.toISOString()).toBe('2026-07-01T07:15:00.000Z');
		expect(toWallClock(summer, 'Europe/Berlin')).toBe('2026-07-01T09:15');
	});

	it('refuses what is not a real time', () => {
		for (const bad of ['2026-02-30T10:00', '2026-12-01T24:00', '2026-12-01 10:00', '', 'tomorrow'])
			expect(fromWallClock(bad, 'Asia/Bishkek')).toBeNull();
	});
});
