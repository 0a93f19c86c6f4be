import { beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionDocx } from './docx.js';
import { normalizeImages } from './images.js';
import type { CollectionModel } from './model.js';
import { syntheticCollection } from './synthetic.js';
import { readDocx, wordText, type DocxParts } from './testing.js';

let model: CollectionModel;
let docx: DocxParts;

/** The text of each paragraph in a style, in order. */
function styled(style: string): string[] {
	const xml = docx.xml('word/document.xml');
	return xml
		.split('</w:p>')
		.filter((paragraph) => paragraph.includes(`<w:pStyle w:val="${style}"/>`))
		.map((paragraph) => wordText(paragraph).trim());
}

beforeAll(async () => {
	const synthetic = await syntheticCollection(12);
	model = synthetic.model;
	const { images } = await normalizeImages(synthetic.images.entries());
	docx = readDocx(await buildCollectionDocx(model, images));
});

describe('buildCollectionDocx', () => {
	it('has the sections and every item, in order, as headings', () => {
		const items = model.sections.flatMap((section) => section.items);
		expect(items.length).toBe(12);
		expect(styled('Heading2')).toEqual(items.map((item) => `${item.number}. ${item.title}`));
		expect(styled('Heading1')).toEqual([
			model.labels.preface,
			...model.sections.map((section) => section.title),
			model.labels.authorsIndex
		]);
		// Body headings are Heading 3 and below, out of the table of contents (\o "1-2").
		expect(styled('Heading3')).toContain('Сабактын максаттары');
		for (const letter of ['ң', 'ө', 'ү']) expect(docx.text).toContain(letter);
	});

	it('has the title page, verso, item details and the empty-body text only when needed', () => {
		for (const text of [
			model.title,
			model.subtitle,
			model.school,
			model.labels.groupLine,
			model.labels.edition,
			model.approval,
			// One compiler a line.
			`${model.labels.editors}:\n${model.editors.join('\n')}`,
			`${model.labels.authors}: `,
			`${model.labels.type}: `,
			model.labels.abstract,
			model.labels.note
		]) {
			expect(docx.text).toContain(text);
		}
		expect(docx.text).not.toContain(model.labels.emptyBody);
		// City and year are at the foot of the title page.
		const footers = Object.keys(docx.files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
		expect(footers.some((name) => docx.xml(name).includes(`${model.city} – ${model.year}`))).toBe(
			true
		);
	});

	it('has a table of contents field Word updates on opening', () => {
		const xml = docx.xml('word/document.xml');
		expect(xml).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/);
		expect(docx.xml('word/settings.xml')).toContain('<w:updateFields');
	});

	it('embeds PT Serif and uses it by default, in the collection language', () => {
		const fonts = Object.keys(docx.files).filter((name) => name.startsWith('word/fonts/'));
		// PT Serif for the text, PT Sans for the headings (as the PDF): four faces each.
		expect(fonts.length).toBe(8);
		expect(fonts.every((name) => name.endsWith('.odttf'))).toBe(true);
		const table = docx.xml('word/fontTable.xml');
		expect(table).toContain('w:name="PT Serif"');
		for (const face of ['embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic']) {
			expect(table).toContain(`<w:${face} `);
		}
		expect(docx.xml('word/settings.xml')).toContain('<w:embedTrueTypeFonts');
		const styles = docx.xml('word/styles.xml');
		expect(styles).toMatch(/<w:docDefaults>.*w:ascii="PT Serif".*<\/w:docDefaults>/s);
		expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="ky-KG".*<\/w:docDefaults>/s);
		expect(table).toContain('w:name="PT Sans"');
		expect(styles).toMatch(/w:styleId="Heading2".*?w:ascii="PT Sans"/s);
		// A proportional line: an exact one clips pictures to a line in LibreOffice.
		expect(styles).toMatch(/<w:docDefaults>.*<w:spacing [^>]*w:lineRule="auto"/s);
		expect(docx.xml('word/settings.xml')).toContain('<w:autoHyphenation');
	});

	it('numbers the pages in the footer', () => {
		const footers = Object.keys(docx.files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
		expect(footers.some((name) => /<w:instrText[^>]*>\s*PAGE\s*</.test(docx.xml(name)))).toBe(true);
	});

	it('has real lists, tables with a repeated header row, links and pictures', () => {
		const xml = docx.xml('word/document.xml');
		const numbering = docx.xml('word/numbering.xml');
		expect(numbering).toContain('w:val="bullet"');
		expect(numbering).toContain('w:val="decimal"');
		expect(xml).toContain('<w:numPr>');
		expect(xml).toContain('<w:tblHeader/>');
		expect(xml).toContain('<w:hyperlink');
		expect(docx.xml('word/_rels/document.xml.rels')).toContain('https://example.org/ustat/');
		// One picture (item 10), a JPEG: the synthetic PNG has no transparency.
		const media = Object.keys(docx.files).filter((name) => name.startsWith('word/media/'));
		expect(media).toEqual([expect.stringMatching(/\.jpe?g$/)]);
		expect(xml).toContain('<wp:inline');
	});

	it('ends with the authors index: names and item numbers', () => {
		const index = docx.text.slice(docx.text.lastIndexOf(model.labels.authorsIndex));
		for (const entry of model.authorsIndex) {
			expect(index).toContain(`${entry.name}\t${entry.items.join(', ')}`);
		}
	});

	it('sets Kyrgyz body text ragged right and Russian justified (as the PDF does)', async () => {
		// Word and LibreOffice have no Kyrgyz hyphenation: justified Kyrgyz makes rivers.
		const justified = (xml: string) =>
			xml
				.split('</w:p>')
				.filter((p) => p.includes('<w:jc w:val="both"/>') && wordText(p).trim().length > 0);
		expect(justified(docx.xml('word/document.xml'))).toEqual([]);
		const russian = await syntheticCollection(2, { language: 'ru' });
		const { images } = await normalizeImages(russian.images.entries());
		const ru = readDocx(await buildCollectionDocx(russian.model, images));
		expect(justified(ru.xml('word/document.xml')).length).toBeGreaterThan(5);
	});
});
