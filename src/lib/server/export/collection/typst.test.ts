import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeImages } from './images.js';
import type { CollectionModel } from './model.js';
import { syntheticCollection } from './synthetic.js';
import { missingInOrder, readPdf, squeeze, type PdfFacts } from './testing.js';
import { buildCollectionPdf, buildMaterialPdf, COLLECTION_TEMPLATE } from './typst.js';

let model: CollectionModel;
let pdf: PdfFacts;
let pages: number;

beforeAll(async () => {
	const synthetic = await syntheticCollection(12);
	model = synthetic.model;
	const { images } = await normalizeImages(synthetic.images.entries());
	const result = buildCollectionPdf(model, images);
	pages = result.pages;
	pdf = await readPdf(result.pdf);
});

/** The bookmarks of pdftohtml's XML, with their nesting depth. */
function bookmarks(xml: string): { depth: number; title: string }[] {
	const found: { depth: number; title: string }[] = [];
	let depth = 0;
	for (const match of xml.matchAll(/<outline>|<\/outline>|<item[^>]*>([^<]*)<\/item>/g)) {
		if (match[0] === '<outline>') depth++;
		else if (match[0] === '</outline>') depth--;
		else found.push({ depth, title: match[1] ?? '' });
	}
	return found;
}

describe('buildCollectionPdf', () => {
	it('hyphenates Russian with Typst’s patterns; Kyrgyz, which has none, is not hyphenated', async () => {
		const words =
			'Методическое объединение учителей рассматривает индивидуализированные образовательные траектории, самостоятельную исследовательскую деятельность обучающихся и межпредметные взаимосвязи. ';
		const hyphens = async (language: 'ru' | 'ky', text: string) => {
			const { pdf } = buildMaterialPdf({
				title: 'Т',
				authors: [],
				language,
				bodyHtml: `<p>${text.repeat(12)}</p>`
			});
			// poppler marks a line broken by hyphenation with a soft hyphen.
			return ((await readPdf(pdf)).text.match(/\u00ad\n/g) ?? []).length;
		};
		expect(await hyphens('ru', words)).toBeGreaterThan(2);
		expect(
			await hyphens(
				'ky',
				'Окуучулардын функционалдык сабаттуулугун өнүктүрүүгө багытталган чыгармачылык тапшырмалар. '
			)
		).toBe(0);
	});

	it('has no word joiner (U+2060) in its text: the contents are copied and searched', () => {
		expect(pdf.text).not.toContain('\u2060');
	});

	it('keeps the edition out of the template', () => {
		expect(COLLECTION_TEMPLATE).not.toContain(model.title);
		expect(COLLECTION_TEMPLATE).toContain('json("/data.json")');
	});

	it('has every item title in order, after the contents', () => {
		const items = model.sections.flatMap((section) => section.items);
		expect(pages).toBe(pdf.pages);
		expect(pdf.pages).toBeGreaterThan(12);
		const text = squeeze(pdf.text);
		const titles = items.map((item) => `${item.number}. ${item.title}`);
		// Once in the contents…
		expect(missingInOrder(text, titles)).toBeNull();
		// …and again as the items' headings, after the contents' last entry.
		const body = text.slice(text.indexOf(model.labels.authorsIndex) + 1);
		expect(
			missingInOrder(body, [model.labels.preface, ...titles, model.labels.authorsIndex])
		).toBeNull();
		for (const letter of ['ң', 'ө', 'ү']) expect(pdf.text).toContain(letter);
	});

	it('has bookmarks: sections, then their items; not the body headings', () => {
		const marks = bookmarks(pdf.xml);
		expect(marks.filter((mark) => mark.depth === 1).map((mark) => mark.title)).toEqual([
			model.labels.preface,
			...model.sections.map((section) => section.title),
			model.labels.authorsIndex
		]);
		expect(marks.filter((mark) => mark.depth === 2).map((mark) => mark.title)).toEqual(
			model.sections.flatMap((section) =>
				section.items.map((item) => `${item.number}. ${item.title}`)
			)
		);
		expect(marks.some((mark) => mark.title.includes('Сабактын максаттары'))).toBe(false);
	});

	it('has the title page, the verso, page numbers and running headers', () => {
		const [titlePage = '', verso = '', contents = ''] = pdf.text.split('\f');
		expect(squeeze(titlePage)).toContain(squeeze(model.title));
		expect(titlePage).toContain(`${model.city} – ${model.year}`);
		expect(titlePage).not.toMatch(/^\s*1\s*$/m);
		for (const editor of model.editors) expect(verso).toContain(editor);
		expect(squeeze(verso)).toContain(squeeze(model.approval));
		expect(contents).toContain(model.labels.contents);
		expect(contents).toMatch(/^\s*3\s*$/m);
		const sheets = pdf.text.split('\f');
		// An even page of an item: the collection's title on top, its number at the foot.
		const even = sheets[5] ?? '';
		expect(even.trimStart().startsWith(model.title.slice(0, 20))).toBe(true);
		expect(even).toMatch(/^\s*6\s*$/m);
	});

	it('has the document metadata and the authors index', () => {
		expect(pdf.info).toMatch(new RegExp(`^Title:\\s+${model.title}$`, 'm'));
		expect(pdf.info).toMatch(new RegExp(`^Author:\\s+${model.editors.join(', ')}$`, 'm'));
		const index = squeeze(pdf.text.slice(pdf.text.lastIndexOf(model.labels.authorsIndex)));
		// The pages the author's materials start on.
		for (const entry of model.authorsIndex) {
			expect(index).toMatch(new RegExp(`${entry.name}[ .]*\\d+(, \\d+)*`));
		}
	});
});
