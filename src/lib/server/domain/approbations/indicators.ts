import type { MarkIndicator } from './results-model';

// The default indicators of the old 2–5 scale (REFERENCE.md), computed from the mark counts a
// teacher types, so that nobody does the maths by hand. Pure: unit-tested against figures
// worked out on paper.

/** How many pupils got each mark. */
export interface MarkCounts {
	fives: number;
	fours: number;
	threes: number;
	twos: number;
}

export type MarkIndicators = Record<MarkIndicator, number>;

/** Shares and СОУ to one decimal, the average mark to two (as school reports write them). */
export const decimalsOf = (key: MarkIndicator | 'custom'): number =>
	key === 'average_mark' ? 2 : key === 'custom' ? 2 : 1;

export const unitOf = (key: MarkIndicator): string => (key === 'average_mark' ? '' : '%');

export function round(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	// Math.round on the scaled value, nudged so that 2.675 → 2.68 as on paper, not 2.67.
	return Math.round((value + Number.EPSILON * Math.abs(value)) * factor) / factor;
}

/** The pupils assessed: N = n5 + n4 + n3 + n2. */
export const assessed = (c: MarkCounts): number => c.fives + c.fours + c.threes + c.twos;

/**
 * Average mark (5n5+4n4+3n3+2n2)/N; knowledge quality (n5+n4)/N·100; progress rate
 * (n5+n4+n3)/N·100; СОУ (n5·100+n4·64+n3·36+n2·16)/N. Null when nobody was assessed.
 */
export function markIndicators(c: MarkCounts): MarkIndicators | null {
	const n = assessed(c);
	if (n === 0) return null;
	return {
		average_mark: round((5 * c.fives + 4 * c.fours + 3 * c.threes + 2 * c.twos) / n, 2),
		knowledge_quality: round(((c.fives + c.fours) / n) * 100, 1),
		progress_rate: round(((c.fives + c.fours + c.threes) / n) * 100, 1),
		sou: round((c.fives * 100 + c.fours * 64 + c.threes * 36 + c.twos * 16) / n, 1)
	};
}

/** The four counts of a class row, or null when the teacher left them out. */
export function countsOf(row: {
	fives: number | null;
	fours: number | null;
	threes: number | null;
	twos: number | null;
}): MarkCounts | null {
	if (row.fives === null || row.fours === null || row.threes === null || row.twos === null)
		return null;
	return {
		fives: Number(row.fives),
		fours: Number(row.fours),
		threes: Number(row.threes),
		twos: Number(row.twos)
	};
}

/** The change after − before, rounded like the indicator itself. */
export const change = (key: MarkIndicator | 'custom', before: number, after: number): number =>
	round(after - before, decimalsOf(key));
