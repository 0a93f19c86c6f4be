import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { resultsChartSvg } from '../../charts/results';
import type { IndicatorResults } from '../../domain/approbations/results-model';
import { chartKey, chartPicture } from './charts.js';
import { buildCollectionDocx } from './docx.js';
import type { CollectionModel, ResultsModel } from './model.js';
import { syntheticCollection } from './synthetic.js';
import { readDocx, readPdf, squeeze, type DocxParts, type PdfFacts } from './testing.js';
import { buildCollectionPdf } from './typst.js';

const run = promisify(execFile);

// A material's approbation results in an edition: a table and a chart per indicator, the
// chart a picture in the DOCX and vector (text and all) in the PDF.

const quality: IndicatorResults = {
	key: 'knowledge_quality',
	name: '',
	unit: '%',
	points: [
		{
			approbationId: 'a1',
			classLabel: '5-А',
			grade: 5,
			pupils: 28,
			before: 46.4,
			after: 60.7,
			confirmed: true
		},
		{
			approbationId: 'a2',
			classLabel: '6-Б',
			grade: 6,
			pupils: 25,
			before: 40,
			after: 52,
			confirmed: false
		}
	]
};
const text = {
	title: 'Билимдин сапаты, %',
	description: 'Ар бир класс үчүн көрсөткүчтүн апробацияга чейинки жана андан кийинки мааниси.',
	before: 'Чейин',
	after: 'Кийин',
	confirmed: 'тастыкталган',
	selfReported: 'өзү билдирген'
};
const svg = resultsChartSvg(quality, text, 'ky');
const size = {
	width: Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]),
	height: Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1])
};
const results: ResultsModel = {
	summary: 'Апробациялар: 2. Байкоо менен тастыкталгандар: 1.',
	indicators: [
		{
			...text,
			svg,
			...size,
			headers: ['Класс', 'Окуучулар', 'Чейин', 'Кийин', 'Өзгөрүү', 'Натыйжа'],
			rows: [
				['5-А', '28', '46,4', '60,7', '+14,3', 'тастыкталган'],
				['6-Б', '25', '40', '52', '+12', 'өзү билдирген']
			]
		}
	]
};

let model: CollectionModel;
let docx: DocxParts;
let pdf: PdfFacts;
let pdfBytes: Uint8Array;

beforeAll(async () => {
	model = (await syntheticCollection(2)).model;
	const first = model.sections[0]!.items[0]!;
	first.results = results;
	docx = readDocx(await buildCollectionDocx(model, new Map()));
	pdfBytes = buildCollectionPdf(model, new Map()).pdf;
	pdf = await readPdf(pdfBytes);
});

describe('approbation results in an edition', () => {
	it('the chart has a size and becomes a PNG drawn with the edition fonts', async () => {
		expect(size.width).toBeGreaterThan(200);
		expect(size.height).toBeGreaterThan(100);
		const picture = chartPicture(results.indicators[0]!);
		expect(picture.ext).toBe('png');
		expect(picture.width).toBe(size.width * 2);
		const meta = await sharp(picture.bytes).metadata();
		expect(meta.format).toBe('png');
		// Not blank: the bars and the text put dark pixels on the white background.
		const stats = await sharp(picture.bytes).stats();
		expect(stats.channels[0]!.min).toBeLessThan(100);
	});

	it('the DOCX has the heading, the summary, the table and the chart as a picture', () => {
		expect(docx.text).toContain(model.labels.results);
		expect(docx.text).toContain(results.summary);
		for (const cell of ['5-А', '46,4', '60,7', '+14,3', 'өзү билдирген'])
			expect(docx.text).toContain(cell);
		const media = Object.keys(docx.files).filter((name) => name.startsWith('word/media/'));
		expect(media.some((name) => name.endsWith('.png'))).toBe(true);
		expect(docx.xml('word/document.xml')).toContain(text.description);
	});

	it('the PDF has the table and the chart as vector text, not a picture', async () => {
		if (process.env.SHOW_RESULTS_PDF) await writeFile(process.env.SHOW_RESULTS_PDF, pdfBytes);
		const all = squeeze(pdf.text);
		expect(all).toContain(model.labels.results);
		expect(all).toContain('+14,3');
		// The chart's own words are text in the PDF (the legend), besides the table's.
		const legend = all.split(text.selfReported).length - 1;
		expect(legend).toBeGreaterThanOrEqual(2);
		const directory = await mkdtemp(path.join(tmpdir(), 'ustat-results-'));
		try {
			const file = path.join(directory, 'edition.pdf');
			await writeFile(file, pdfBytes);
			const { stdout } = await run('pdfimages', ['-list', file]);
			// Header lines only: the synthetic items of this model have no pictures, nor does the chart.
			expect(stdout.trim().split('\n').length).toBe(2);
		} finally {
			await rm(directory, { recursive: true, force: true });
		}
	});

	it('an item without results prints none, and its key is its own', () => {
		expect(
			model.sections[0]!.items[1]?.results ?? model.sections[1]?.items[0]?.results
		).toBeUndefined();
		expect(chartKey(3, 1)).toBe('chart-3-1');
	});
});
