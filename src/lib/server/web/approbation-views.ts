import type { Locale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { resultsChartSvg, formatValue } from '../charts/results';
import { decimalsOf } from '../domain/approbations/indicators';
import { MAX_CLASSES, MAX_INDICATORS, type ClassInput } from '../domain/approbations/input';
import type { IndicatorResults, MarkIndicator } from '../domain/approbations/results-model';
import { markIndicators } from '../domain/approbations/results-model';
import { asId, type ApprobationClassId } from '../domain/ids';
import { ValidationError } from '../validation';
import { formatDay } from './days';
import { translate } from './i18n';

// The approbation form without JavaScript: a fixed number of class blocks (the classes there
// are, and one more to fill in), each with its indicator rows (those there are, and two more).
// Fields are named flat, `c0_name`, `c0_before_fives`, `c0_ind1_after`, so a failed post comes
// back exactly as typed; blank blocks and rows are left out before the use case sees them,
// and its field paths (`classes.1.before.fives`) are mapped back to the blocks they came from.

type Values = Record<string, string | string[]>;
const marks = ['fives', 'fours', 'threes', 'twos'] as const;

const one = (values: Values, key: string): string => {
	const v = values[key];
	return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
};

/** A number as typed ('12,5' too); what is not a number is passed on for the schema to refuse. */
function numberOf(text: string): number | string | undefined {
	const compact = text.replace(/[\s\u00a0\u202f]/g, '');
	if (compact === '') return undefined;
	const n = Number(compact.replace(',', '.'));
	return Number.isFinite(n) ? n : text;
}

/** The block indices posted (every block sends its name field). */
function indices(values: Values, pattern: RegExp): number[] {
	const found = new Set<number>();
	for (const key of Object.keys(values)) {
		const match = pattern.exec(key);
		if (match) found.add(Number(match[1]));
	}
	return [...found].sort((a, b) => a - b);
}

export interface DecodedApprobation {
	fields: {
		title: string;
		startsOn: string;
		endsOn: string;
		plan: string;
		observations: string;
		conclusion: string;
		classes: ClassInput[];
	};
	/** For each class sent to the use case, its block on the form; and its rows. */
	blocks: { block: number; rows: number[] }[];
}

/** The approbation's fields from the flat form. */
export function decodeApprobation(values: Values): DecodedApprobation {
	const classes: ClassInput[] = [];
	const blocks: DecodedApprobation['blocks'] = [];
	for (const i of indices(values, /^c(\d+)_name$/)) {
		const p = `c${i}_`;
		const id = one(values, `${p}id`);
		if (id && values[`${p}remove`] !== undefined) continue; // ticked "remove this class"
		const rows: number[] = [];
		const indicators: ClassInput['indicators'] = [];
		for (const j of indices(values, new RegExp(`^c${i}_ind(\\d+)_name$`))) {
			const q = `${p}ind${j}_`;
			const row = ['name', 'unit', 'before', 'after'].map((f) => one(values, `${q}${f}`));
			if (row.every((v) => v === '')) continue;
			rows.push(j);
			indicators.push({
				name: row[0]!,
				unit: row[1]!,
				before: numberOf(row[2]!) as number,
				after: numberOf(row[3]!) as number
			});
		}
		const counts = (when: 'before' | 'after') => {
			const typed = marks.map((k) => one(values, `${p}${when}_${k}`));
			if (typed.every((v) => v === '')) return undefined;
			return Object.fromEntries(marks.map((k, n) => [k, numberOf(typed[n]!)])) as Record<
				(typeof marks)[number],
				number
			>;
		};
		const texts = ['name', 'grade', 'pupils'].map((f) => one(values, `${p}${f}`));
		const before = counts('before');
		const after = counts('after');
		if (!id && texts.every((v) => v === '') && !before && !after && indicators.length === 0)
			continue; // a block left empty
		blocks.push({ block: i, rows });
		classes.push({
			...(id ? { id: asId<ApprobationClassId>(id) } : {}),
			name: texts[0]!,
			grade: numberOf(texts[1]!) as number,
			pupils: numberOf(texts[2]!) as number,
			...(before ? { before } : {}),
			...(after ? { after } : {}),
			indicators
		});
	}
	return {
		fields: {
			title: one(values, 'title'),
			startsOn: one(values, 'startsOn'),
			endsOn: one(values, 'endsOn'),
			plan: one(values, 'plan'),
			observations: one(values, 'observations'),
			conclusion: one(values, 'conclusion'),
			classes
		},
		blocks
	};
}

/** A use-case field path as the form's field: `classes.1.indicators.0.after` → `c2_ind1_after`. */
export function formFieldOf(path: string, decoded: DecodedApprobation): string {
	const match = /^classes\.(\d+)(?:\.(.+))?$/.exec(path);
	if (!match) return path;
	const block = decoded.blocks[Number(match[1])];
	if (!block) return 'classes';
	const rest = match[2];
	if (rest === undefined) return `c${block.block}_name`;
	const row = /^indicators\.(\d+)(?:\.(.+))?$/.exec(rest);
	if (row) {
		const j = block.rows[Number(row[1])] ?? 0;
		return row[2] ? `c${block.block}_ind${j}_${row[2]}` : `c${block.block}_ind${j}_name`;
	}
	return `c${block.block}_${rest.replace(/\./g, '_')}`;
}

/** Runs the use case; its field problems come back on the blocks they were typed in. */
export async function onBlocks<T>(decoded: DecodedApprobation, work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		if (!(error instanceof ValidationError)) throw error;
		throw new ValidationError(
			error.issues.map((issue) => ({ ...issue, field: formFieldOf(issue.field, decoded) }))
		);
	}
}

/** A stored approbation as flat form values. */
export function approbationValues(v: {
	title: string;
	startsOn: string;
	endsOn: string;
	plan: string;
	observations: string;
	conclusion: string;
	classes: {
		id: string;
		name: string;
		grade: number;
		pupils: number;
		before?: Record<(typeof marks)[number], number>;
		after?: Record<(typeof marks)[number], number>;
		indicators: { name: string; unit: string; before: number; after: number }[];
	}[];
}): Record<string, string> {
	const out: Record<string, string> = {
		title: v.title,
		startsOn: v.startsOn,
		endsOn: v.endsOn,
		plan: v.plan,
		observations: v.observations,
		conclusion: v.conclusion
	};
	v.classes.forEach((c, i) => {
		const p = `c${i}_`;
		Object.assign(out, {
			[`${p}id`]: c.id,
			[`${p}name`]: c.name,
			[`${p}grade`]: String(c.grade),
			[`${p}pupils`]: String(c.pupils)
		});
		for (const when of ['before', 'after'] as const)
			for (const k of marks) if (c[when]) out[`${p}${when}_${k}`] = String(c[when]![k]);
		c.indicators.forEach((ind, j) => {
			const q = `${p}ind${j}_`;
			Object.assign(out, {
				[`${q}name`]: ind.name,
				[`${q}unit`]: ind.unit,
				[`${q}before`]: String(ind.before),
				[`${q}after`]: String(ind.after)
			});
		});
	});
	return out;
}

export interface ClassBlock {
	index: number;
	/** An existing class (it may be removed). */
	isExisting: boolean;
	/** A spare block to fill in (shown folded). */
	isSpare: boolean;
	rows: number[];
}

/**
 * The blocks the form shows: those in `values` (stored or posted), then spare ones up to
 * `spare` more (never past the limit), each with its rows and two spare rows.
 */
export function classBlocks(values: Values, spare: number): ClassBlock[] {
	const present = indices(values, /^c(\d+)_name$/);
	const blocks: ClassBlock[] = present.map((i) => ({
		index: i,
		isExisting: one(values, `c${i}_id`) !== '',
		isSpare: false,
		rows: rowsOf(values, i)
	}));
	let next = present.length === 0 ? 0 : Math.max(...present) + 1;
	while (blocks.length < MAX_CLASSES && spare > 0) {
		blocks.push({ index: next, isExisting: false, isSpare: blocks.length > 0, rows: [0, 1] });
		next++;
		spare--;
	}
	return blocks;
}

function rowsOf(values: Values, i: number): number[] {
	const rows = indices(values, new RegExp(`^c${i}_ind(\\d+)_name$`));
	let next = rows.length === 0 ? 0 : Math.max(...rows) + 1;
	const filled = rows.filter((j) => one(values, `c${i}_ind${j}_name`) !== '').length;
	// Two empty rows to type into, as long as the limit allows.
	while (rows.length < Math.min(MAX_INDICATORS, filled + 2)) rows.push(next++);
	return rows;
}

// Names and definitions of the indicators, said the same way everywhere.

export const indicatorName = (key: MarkIndicator | 'custom', name = ''): string =>
	key === 'custom' ? name : translate(`approbation_ind_${key}` as MessageKey);

export const indicatorDefinitions = () =>
	markIndicators.map((key) => ({
		key,
		name: indicatorName(key),
		definition: translate(`approbation_def_${key}` as MessageKey)
	}));

export const confirmationName = (confirmed: boolean): string =>
	translate(confirmed ? 'approbation_confirmed' : 'approbation_self_reported');

export const periodOf = (startsOn: string, endsOn: string, locale: Locale): string =>
	translate('approbation_period_value', {
		from: formatDay(startsOn, locale),
		to: formatDay(endsOn, locale)
	});

/** A value with its unit, the locale's way, rounded like its indicator. */
export const valueText = (
	key: MarkIndicator | 'custom',
	value: number,
	unit: string,
	locale: Locale
): string => formatValue(value, decimalsOf(key), unit, locale);

/** A change with its sign: "+12 %", "−0,42". */
export function changeText(
	key: MarkIndicator | 'custom',
	value: number,
	unit: string,
	locale: Locale
): string {
	const text = valueText(key, Math.abs(value), unit, locale);
	return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** One indicator's chart and the same data as a table, for the results pages. */
export function indicatorChart(
	indicator: IndicatorResults,
	titles: Map<string, string>,
	locale: Locale
) {
	const name = indicatorName(indicator.key, indicator.name);
	const text = {
		title: translate('results_chart_title', { indicator: name }),
		description: translate('results_chart_desc'),
		before: translate('approbation_before'),
		after: translate('approbation_after'),
		confirmed: translate('approbation_confirmed'),
		selfReported: translate('approbation_self_reported')
	};
	const key = indicator.key;
	return {
		key: `${key}:${indicator.name}:${indicator.unit}`,
		name,
		title: text.title,
		description: text.description,
		definition: key === 'custom' ? '' : translate(`approbation_def_${key}` as MessageKey),
		unit: indicator.unit,
		svg: resultsChartSvg(indicator, text, locale),
		caption: translate('results_table_caption', { indicator: name }),
		rows: indicator.points.map((p) => ({
			approbationId: p.approbationId,
			approbation: titles.get(p.approbationId) ?? '',
			classLabel: p.classLabel,
			pupils: p.pupils,
			before: valueText(key, p.before, indicator.unit, locale),
			after: valueText(key, p.after, indicator.unit, locale),
			change: changeText(key, p.after - p.before, indicator.unit, locale),
			confirmed: p.confirmed,
			status: confirmationName(p.confirmed)
		}))
	};
}
