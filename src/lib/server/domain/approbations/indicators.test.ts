import { describe, expect, it } from 'vitest';
import { assessed, change, markIndicators, round } from './indicators';

// Figures worked out by hand, as a school's deputy head would on paper.
describe('mark indicators', () => {
	it('5-Б: five 5s, ten 4s, eight 3s, two 2s (N = 25)', () => {
		const counts = { fives: 5, fours: 10, threes: 8, twos: 2 };
		expect(assessed(counts)).toBe(25);
		// (25 + 40 + 24 + 4) / 25 = 93 / 25 = 3.72
		// (5 + 10) / 25 = 60 %; (5 + 10 + 8) / 25 = 92 %
		// (500 + 640 + 288 + 32) / 25 = 1460 / 25 = 58.4 %
		expect(markIndicators(counts)).toEqual({
			average_mark: 3.72,
			knowledge_quality: 60,
			progress_rate: 92,
			sou: 58.4
		});
	});

	it('6-А: three 5s, seven 4s, twelve 3s, five 2s (N = 27), rounded as reports write them', () => {
		// 89 / 27 = 3.2963 → 3.30; 10 / 27 = 37.037 % → 37.0; 22 / 27 = 81.481 % → 81.5;
		// (300 + 448 + 432 + 80) / 27 = 1260 / 27 = 46.667 % → 46.7
		expect(markIndicators({ fives: 3, fours: 7, threes: 12, twos: 5 })).toEqual({
			average_mark: 3.3,
			knowledge_quality: 37,
			progress_rate: 81.5,
			sou: 46.7
		});
	});

	it('a class of only 5s, only 2s, and nobody assessed', () => {
		expect(markIndicators({ fives: 20, fours: 0, threes: 0, twos: 0 })).toEqual({
			average_mark: 5,
			knowledge_quality: 100,
			progress_rate: 100,
			sou: 100
		});
		expect(markIndicators({ fives: 0, fours: 0, threes: 0, twos: 12 })).toEqual({
			average_mark: 2,
			knowledge_quality: 0,
			progress_rate: 0,
			sou: 16
		});
		expect(markIndicators({ fives: 0, fours: 0, threes: 0, twos: 0 })).toBeNull();
	});

	it('rounds half up and subtracts without float noise', () => {
		expect(round(2.675, 2)).toBe(2.68);
		expect(round(46.65, 1)).toBe(46.7);
		expect(change('knowledge_quality', 37, 44.4)).toBe(7.4);
		expect(change('average_mark', 3.3, 3.72)).toBe(0.42);
	});
});
