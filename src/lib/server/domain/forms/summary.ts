import type { Answers } from './answers';
import type { FormField } from './fields';

// The summary per question of a questionnaire's sent responses: counts, mean, median and the
// distribution. Pure, so the maths is checked on hand-computed figures.

export interface Bar {
	label: string;
	count: number;
	/** A number question's bar: the value, or the range, it counts (for the locale's label). */
	low?: number;
	high?: number;
}

export interface QuestionSummary {
	key: string;
	label: string;
	type: FormField['type'];
	/** Responses that answered this question. */
	answered: number;
	/** Number and scale: the mean and median of the answers; null when none. */
	mean: number | null;
	median: number | null;
	min: number | null;
	max: number | null;
	unit: string;
	/** Scale points, choices (a multiple choice counts every option ticked), number ranges. */
	bars: Bar[];
}

export function mean(values: number[]): number | null {
	if (values.length === 0) return null;
	return values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	// A typed array sorts numbers natively: 2,000 answers × 30 questions stay a few ms.
	const sorted = Float64Array.from(values).sort();
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Number answers in at most `bins` equal ranges (each distinct value its own bar when there
 * are few), so 2,000 answers stay a readable chart.
 */
export function numberBars(values: number[], bins = 8, format = (n: number) => String(n)): Bar[] {
	if (values.length === 0) return [];
	const counted = new Map<number, number>();
	for (const v of values) counted.set(v, (counted.get(v) ?? 0) + 1);
	if (counted.size <= bins)
		return Float64Array.from(counted.keys())
			.sort()
			.reduce<Bar[]>(
				(bars, v) => [...bars, { label: format(v), count: counted.get(v)!, low: v, high: v }],
				[]
			);
	let low = Infinity;
	let high = -Infinity;
	for (const v of counted.keys()) {
		if (v < low) low = v;
		if (v > high) high = v;
	}
	const width = (high - low) / bins;
	const counts = new Array<number>(bins).fill(0);
	for (const v of values) counts[Math.min(bins - 1, Math.floor((v - low) / width))]!++;
	return counts.map((count, i) => {
		const from = round(low + i * width);
		const to = round(i === bins - 1 ? high : low + (i + 1) * width);
		return { label: `${format(from)} – ${format(to)}`, count, low: from, high: to };
	});
}

const answeredValue = (value: unknown) =>
	value !== null &&
	value !== undefined &&
	value !== '' &&
	!(Array.isArray(value) && value.length === 0);

export function summarize(
	fields: FormField[],
	responses: Answers[],
	format: (n: number) => string = String
): QuestionSummary[] {
	return fields.map((field) => {
		const given = responses.map((r) => r[field.key]).filter(answeredValue);
		const summary: QuestionSummary = {
			key: field.key,
			label: field.label,
			type: field.type,
			answered: given.length,
			mean: null,
			median: null,
			min: null,
			max: null,
			unit: field.type === 'number' ? field.unit : '',
			bars: []
		};
		if (field.type === 'number' || field.type === 'scale') {
			const numbers = given.filter((v): v is number => typeof v === 'number');
			summary.answered = numbers.length;
			summary.mean = mean(numbers);
			summary.median = median(numbers);
			summary.min = numbers.length ? numbers.reduce((a, b) => (b < a ? b : a)) : null;
			summary.max = numbers.length ? numbers.reduce((a, b) => (b > a ? b : a)) : null;
			if (field.type === 'scale') {
				const counts = new Array<number>(field.scaleMax).fill(0);
				for (const n of numbers) if (n >= 1 && n <= field.scaleMax) counts[n - 1]!++;
				summary.bars = counts.map((count, i) => ({ label: String(i + 1), count }));
			} else summary.bars = numberBars(numbers, 8, format);
		} else if (field.type === 'single_choice' || field.type === 'multiple_choice') {
			const counts = new Map(field.options.map((o) => [o, 0]));
			for (const value of given)
				for (const option of Array.isArray(value) ? value : [value])
					if (typeof option === 'string' && counts.has(option))
						counts.set(option, counts.get(option)! + 1);
			summary.bars = field.options.map((o) => ({ label: o, count: counts.get(o)! }));
		}
		return summary;
	});
}
