// A questionnaire question's distribution as horizontal bars: one row per scale point,
// choice or number range, its count written beside it (never the bar's length alone). Server
// rendered, self-contained (explicit size, named fonts): shows with JavaScript off and prints
// as a vector. The page puts the same figures in a real table next to it.
import { chartColours, coordinate, escapeXml } from './svg';

export interface DistributionBar {
	label: string;
	count: number;
}

export interface DistributionText {
	title: string;
	description: string;
}

type Locale = 'ky' | 'ru' | 'en';

const WIDTH = 560;
const LABEL_WIDTH = 200;
const PLOT_LEFT = LABEL_WIDTH + 12;
const PLOT_RIGHT = WIDTH - 56;
const ROW = 26;
const BAR = 16;
const TOP = 12;
const FONT = "'PT Sans', 'Liberation Sans', Arial, sans-serif";

const fit = (label: string, max = 30) =>
	label.length > max ? `${label.slice(0, max - 1)}…` : label;

/** A short stable id so that two charts on one page never share a title's id. */
function idOf(bars: DistributionBar[], title: string): string {
	const source = `${title}|${JSON.stringify(bars)}`;
	let hash = 5381;
	for (let i = 0; i < source.length; i++) hash = ((hash * 33) ^ source.charCodeAt(i)) >>> 0;
	return `dc${hash.toString(36)}`;
}

export function distributionSvg(
	bars: DistributionBar[],
	text: DistributionText,
	locale: Locale
): string {
	const id = idOf(bars, text.title);
	const top = Math.max(1, ...bars.map((b) => b.count));
	const number = new Intl.NumberFormat(locale);
	const height = TOP * 2 + Math.max(bars.length, 1) * ROW;
	const x = (count: number) => PLOT_LEFT + (count / top) * (PLOT_RIGHT - PLOT_LEFT);
	const rows = bars
		.map((bar, i) => {
			const y = TOP + i * ROW;
			const width = x(bar.count) - PLOT_LEFT;
			return [
				`<text x="${LABEL_WIDTH}" y="${coordinate(y + BAR - 3)}" text-anchor="end" fill="${chartColours.text}">${escapeXml(fit(bar.label))}</text>`,
				`<rect x="${PLOT_LEFT}" y="${coordinate(y)}" width="${coordinate(Math.max(width, bar.count > 0 ? 2 : 0))}" height="${BAR}" fill="${chartColours.bar}"/>`,
				`<text x="${coordinate(x(bar.count) + 6)}" y="${coordinate(y + BAR - 3)}" fill="${chartColours.text}">${escapeXml(number.format(bar.count))}</text>`
			].join('');
		})
		.join('');
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" font-family="${escapeXml(FONT)}" font-size="13" style="max-width:100%;height:auto">`,
		`<title id="${id}-t">${escapeXml(text.title)}</title>`,
		`<desc id="${id}-d">${escapeXml(text.description)}</desc>`,
		`<line x1="${PLOT_LEFT}" y1="${TOP - 4}" x2="${PLOT_LEFT}" y2="${height - TOP + 4}" stroke="${chartColours.grid}"/>`,
		rows,
		'</svg>'
	].join('');
}
