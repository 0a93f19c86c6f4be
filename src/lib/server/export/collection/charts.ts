// Charts of approbation results inside an edition: the PDF takes their SVG as it is (vector,
// with the edition's own fonts); Word gets a picture made here, at twice the size it is shown,
// with the same PT Sans the PDF uses, so no system font is needed on the server.
import { Resvg } from '@resvg/resvg-js';
import { cleanText, type Block, type TableCell } from './blocks.js';
import { fontFiles } from './fonts.js';
import type { NormalizedImage } from './images.js';
import type { CollectionModel, ResultsIndicatorModel, ResultsModel } from './model.js';

/** The key of an item's n-th chart among the edition's pictures. */
export function chartKey(itemNumber: number, index: number): string {
	return `chart-${itemNumber}-${index}`;
}

/** Every chart of the model with its key, in order. */
export function chartsOf(model: CollectionModel): [string, ResultsIndicatorModel][] {
	return model.sections.flatMap((section) =>
		section.items.flatMap((item) =>
			(item.results?.indicators ?? []).map((indicator, index): [string, ResultsIndicatorModel] => [
				chartKey(item.number, index),
				indicator
			])
		)
	);
}

/** A chart as a PNG picture for the DOCX. */
export function chartPicture(chart: ResultsIndicatorModel): NormalizedImage {
	const sans = fontFiles('pt-sans');
	const rendered = new Resvg(chart.svg, {
		fitTo: { mode: 'width', value: chart.width * 2 },
		background: '#ffffff',
		font: {
			fontFiles: [sans.regular, sans.bold],
			loadSystemFonts: false,
			defaultFontFamily: 'PT Sans',
			sansSerifFamily: 'PT Sans'
		}
	}).render();
	return {
		bytes: new Uint8Array(rendered.asPng()),
		width: rendered.width,
		height: rendered.height,
		ext: 'png'
	};
}

/**
 * The edition's pictures with its charts added under their chart keys: pictures for the DOCX,
 * the SVG for the PDF.
 */
export function withCharts(
	model: CollectionModel,
	images: Map<string, NormalizedImage>,
	as: 'picture' | 'vector'
): Map<string, NormalizedImage> {
	const charts = chartsOf(model);
	if (charts.length === 0) return images;
	const all = new Map(images);
	for (const [key, chart] of charts)
		all.set(key, as === 'picture' ? chartPicture(chart) : chartVector(chart));
	return all;
}

/** A chart as the PDF takes it: the SVG itself (Typst draws it as vector with its fonts). */
export function chartVector(chart: ResultsIndicatorModel): NormalizedImage {
	return {
		bytes: new TextEncoder().encode(chart.svg),
		width: chart.width,
		height: chart.height,
		ext: 'svg'
	};
}

const paragraph = (text: string): Block => ({
	type: 'paragraph',
	inlines: [{ text: cleanText(text) }]
});
const cell = (text: string, header: boolean): TableCell => ({
	header,
	colspan: 1,
	rowspan: 1,
	blocks: [paragraph(text)]
});

/**
 * An item's results as body blocks both renderers already lay out: a heading, the summary, and
 * per indicator its chart (a picture keyed by `chartKey`) and its table.
 */
export function resultsBlocks(
	results: ResultsModel | undefined,
	itemNumber: number,
	heading: string
): Block[] {
	if (!results || results.indicators.length === 0) return [];
	return [
		{ type: 'heading', level: 3, inlines: [{ text: cleanText(heading) }] },
		paragraph(results.summary),
		// The chart carries its title (charts/results.ts): the table follows it uncaptioned.
		...results.indicators.flatMap((indicator, index): Block[] => [
			{ type: 'image', key: chartKey(itemNumber, index), alt: cleanText(indicator.description) },
			{
				type: 'table',
				columns: indicator.headers.length,
				headerRows: 1,
				rows: [
					indicator.headers.map((text) => cell(text, true)),
					...indicator.rows.map((row) => row.map((text) => cell(text, false)))
				]
			}
		])
	];
}
