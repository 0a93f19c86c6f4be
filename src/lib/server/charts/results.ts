// Approbation results as a chart: per class, the indicator before and after, as a pair of
// horizontal bars. Confirmed results are solid, self-reported ones hatched (an SVG pattern,
// so it prints and survives conversion to PNG), with a legend and the words beside each
// class: never colour alone. Self-contained: explicit size, named fonts, no CSS variables,
// no external references, so the same string goes on the page, into Typst and through sharp.
import type { IndicatorResults, ResultPoint } from '../domain/approbations/results-model';
import { formatDecimal, formatPercent } from '../../i18n/format';
import { chartColours, coordinate, escapeXml } from './svg';

export interface ResultsChartText {
	title: string;
	description: string;
	before: string;
	after: string;
	confirmed: string;
	selfReported: string;
	/** Shown after each value; the indicator's own unit when left out. */
	unit?: string;
}

type Locale = 'ky' | 'ru' | 'en';

const WIDTH = 640;
const PLOT_LEFT = 160;
const PLOT_RIGHT = WIDTH - 80;
const BAR = 14;
const ROW = 2 * BAR + 2 + 16;
const TOP = 96;
const FONT = "'PT Sans', 'PT Sans Caption', 'Liberation Sans', Arial, sans-serif";

const decimals = (indicator: IndicatorResults) =>
	indicator.key === 'average_mark' ? 2 : indicator.key === 'custom' ? 2 : 1;

/** A number in the locale's way ("58,4" in ky and ru) with the unit after it: a percentage
 * as the locale writes it ("58,4%" ky, "58,4 %" ru, "58.4%" en). */
export function formatValue(value: number, digits: number, unit: string, locale: Locale): string {
	if (unit === '%') return formatPercent(value, locale, digits);
	const text = formatDecimal(value, locale, digits);
	return unit ? `${text} ${unit}` : text;
}

/** The axis: shares run 0–100 %, the average mark 0–5, a custom indicator its own range. */
function domainOf(indicator: IndicatorResults): [number, number] {
	if (indicator.key === 'average_mark') return [0, 5];
	if (indicator.key !== 'custom') return [0, 100];
	const values = indicator.points.flatMap((p) => [p.before, p.after]);
	const low = Math.min(0, ...values);
	const high = Math.max(0, ...values);
	if (low === high) return [0, 1];
	return [low < 0 ? niceCeil(-low) * -1 : 0, high > 0 ? niceCeil(high) : 0];
}

/** 1, 2, 2.5, 5 × 10ⁿ at or above the value. */
function niceCeil(value: number): number {
	const power = 10 ** Math.floor(Math.log10(value));
	for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
	return 10 * power;
}

/** A short stable id so that two charts on one page never share a title's id. */
function idOf(indicator: IndicatorResults, title: string): string {
	const source = `${indicator.key}|${indicator.name}|${title}|${JSON.stringify(indicator.points)}`;
	let hash = 5381;
	for (let i = 0; i < source.length; i++) hash = ((hash * 33) ^ source.charCodeAt(i)) >>> 0;
	return `rc${hash.toString(36)}`;
}

/** A class label that fits its column: long ones are cut with an ellipsis. */
const fit = (label: string, max = 24) =>
	label.length > max ? `${label.slice(0, max - 1)}…` : label;

export function resultsChartSvg(
	indicator: IndicatorResults,
	text: ResultsChartText,
	locale: Locale
): string {
	const id = idOf(indicator, text.title);
	const unit = text.unit ?? indicator.unit;
	const digits = decimals(indicator);
	const points = indicator.points;
	const [low, high] = domainOf(indicator);
	const x = (v: number) => PLOT_LEFT + ((v - low) / (high - low)) * (PLOT_RIGHT - PLOT_LEFT);
	const plotBottom = TOP + Math.max(points.length, 1) * ROW;
	const height = plotBottom + 34;
	const c = chartColours;
	const out: string[] = [];

	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" font-family="${FONT}">`,
		`<title id="${id}-t">${escapeXml(text.title)}</title>`,
		`<desc id="${id}-d">${escapeXml(text.description)}</desc>`,
		'<defs>',
		hatch(`${id}-hb`, c.before),
		hatch(`${id}-ha`, c.after),
		hatch(`${id}-hm`, c.muted),
		'</defs>',
		`<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
		`<text x="8" y="22" font-size="15" font-weight="700" fill="${c.text}">${escapeXml(text.title)}</text>`
	);

	// Legend: the two bars, then how confirmed and self-reported look.
	const legend = [
		{ fill: c.before, stroke: c.before, label: text.before },
		{ fill: c.after, stroke: c.after, label: text.after },
		{ fill: c.muted, stroke: c.muted, label: text.confirmed },
		{ fill: `url(#${id}-hm)`, stroke: c.muted, label: text.selfReported }
	];
	legend.forEach((item, i) => {
		const lx = 8 + (i % 2) * 300;
		const ly = 38 + Math.floor(i / 2) * 20;
		out.push(
			`<rect x="${lx}" y="${ly}" width="16" height="12" fill="${item.fill}" stroke="${item.stroke}" stroke-width="1"/>`,
			`<text x="${lx + 22}" y="${ly + 10}" font-size="12" fill="${c.text}">${escapeXml(item.label)}</text>`
		);
	});

	// Grid and axis values.
	const ticks = 5;
	for (let i = 0; i <= ticks; i++) {
		const value = low + ((high - low) * i) / ticks;
		const gx = coordinate(x(value));
		out.push(
			`<line x1="${gx}" y1="${TOP - 6}" x2="${gx}" y2="${plotBottom}" stroke="${c.grid}" stroke-width="1"/>`,
			`<text x="${gx}" y="${plotBottom + 16}" font-size="11" text-anchor="middle" fill="${c.muted}">${escapeXml(formatValue(round(value, 2), 2, '', locale))}</text>`
		);
	}
	if (unit)
		out.push(
			`<text x="${PLOT_RIGHT}" y="${plotBottom + 30}" font-size="11" text-anchor="end" fill="${c.muted}">${escapeXml(unit)}</text>`
		);
	if (low < 0) {
		const zx = coordinate(x(0));
		out.push(
			`<line x1="${zx}" y1="${TOP - 6}" x2="${zx}" y2="${plotBottom}" stroke="${c.text}" stroke-width="1"/>`
		);
	}

	points.forEach((p, row) => out.push(...pointRow(p, row)));
	out.push('</svg>');
	return out.join('');

	function pointRow(p: ResultPoint, row: number): string[] {
		const y = TOP + row * ROW;
		const status = p.confirmed ? text.confirmed : text.selfReported;
		const parts = [
			`<text x="8" y="${y + 12}" font-size="13" font-weight="700" fill="${c.text}">${escapeXml(fit(p.classLabel))}</text>`,
			`<text x="8" y="${y + 27}" font-size="10" fill="${c.muted}">${escapeXml(fit(status, 28))}</text>`
		];
		for (const [i, which] of (['before', 'after'] as const).entries()) {
			const value = p[which];
			const colour = which === 'before' ? c.before : c.after;
			const fill = p.confirmed ? colour : `url(#${id}-${which === 'before' ? 'hb' : 'ha'})`;
			const by = y + i * (BAR + 2);
			const start = x(Math.max(low, Math.min(0, value)));
			const end = x(Math.min(high, Math.max(0, value)));
			const w = Math.max(end - start, 1);
			parts.push(
				`<rect x="${coordinate(start)}" y="${by}" width="${coordinate(w)}" height="${BAR}" fill="${fill}" stroke="${colour}" stroke-width="1"><title>${escapeXml(`${p.classLabel} · ${which === 'before' ? text.before : text.after}: ${formatValue(value, digits, unit, locale)}`)}</title></rect>`,
				`<text x="${coordinate(Math.max(start, end) + 4)}" y="${by + 11}" font-size="11" fill="${c.text}">${escapeXml(formatValue(value, digits, unit, locale))}</text>`
			);
		}
		return parts;
	}
}

/** Diagonal lines over white, outlined by the bar: reads as "not confirmed" in grey print too. */
function hatch(id: string, colour: string): string {
	return (
		`<pattern id="${id}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
		`<rect x="0" y="0" width="6" height="6" fill="#ffffff"/>` +
		`<line x1="0" y1="0" x2="0" y2="6" stroke="${colour}" stroke-width="3"/>` +
		`</pattern>`
	);
}

function round(value: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
