import { describe, expect, it } from 'vitest';
import { buildMaterialDocx } from './docx.js';
import type { MaterialDocument } from './model.js';
import { missingInOrder, readDocx, readPdf, squeeze, wordText } from './testing.js';
import { buildMaterialPdf } from './typst.js';

const material: MaterialDocument = {
	title: 'Ысык-Көл — ажайып көл: 3-класста маалыматтык текст менен иштөө',
	authors: ['Жылдыз Токтогулова', 'Айгүл Өмүрбекова'],
	language: 'ky',
	bodyHtml:
		'<h2>Сабактын максаты</h2><p><strong>Эскертүү.</strong> Окуучулар тексттен маалымат табышат.</p>' +
		'<ol><li>Текстти окуу.</li><li>Таблица толтуруу.</li></ol>' +
		'<h2>Сабактын жүрүшү</h2><table><thead><tr><th>Этап</th><th>Убакыт</th></tr></thead>' +
		'<tbody><tr><td>Уюштуруу</td><td>5 мүн.</td></tr></tbody></table>'
};
const texts = [
	'Сабактын максаты',
	'Эскертүү. Окуучулар тексттен маалымат табышат.',
	'Текстти окуу.',
	'Таблица толтуруу.',
	'Сабактын жүрүшү',
	'Этап',
	'Уюштуруу'
];

describe('buildMaterialDocx', () => {
	it('has the title, the authors and the body, as a collection lays an item out', async () => {
		const docx = readDocx(await buildMaterialDocx(material));
		const xml = docx.xml('word/document.xml');
		const styled = (style: string) =>
			xml
				.split('</w:p>')
				.filter((paragraph) => paragraph.includes(`<w:pStyle w:val="${style}"/>`))
				.map((paragraph) => wordText(paragraph).trim());
		expect(styled('Heading1')).toEqual([material.title]);
		expect(styled('Heading3')).toEqual(['Сабактын максаты', 'Сабактын жүрүшү']);
		expect(
			missingInOrder(docx.text, [material.title, material.authors.join(', '), ...texts])
		).toBeNull();
		expect(xml).toContain('<w:tbl>');
		expect(docx.xml('word/numbering.xml')).toContain('w:numFmt w:val="decimal"');
		expect(docx.xml('docProps/core.xml')).toContain(material.title);
		// Light: a font every office suite has, nothing embedded.
		expect(docx.xml('word/styles.xml')).toContain('w:ascii="Times New Roman"');
		expect(Object.keys(docx.files).some((name) => name.startsWith('word/fonts/'))).toBe(false);
	});
});

describe('buildMaterialPdf', () => {
	it('has the title, the authors and the body on A4 pages', async () => {
		const result = buildMaterialPdf(material);
		const pdf = await readPdf(result.pdf);
		expect(result.pages).toBe(pdf.pages);
		expect(pdf.pages).toBe(1);
		expect(
			missingInOrder(squeeze(pdf.text), [material.title, material.authors.join(', '), ...texts])
		).toBeNull();
		expect(pdf.info).toMatch(/Page size:\s+595\.\d* x 841\.\d*/);
		expect(pdf.info).toMatch(/^Title:\s+Ысык-Көл/m);
	});

	it('as slides: landscape, every heading of the body on a page of its own', async () => {
		const result = buildMaterialPdf(material, new Map(), { slides: true });
		const pdf = await readPdf(result.pdf);
		expect(pdf.pages).toBe(3);
		expect(pdf.info).toMatch(/Page size:\s+841\.\d* x 595\.\d*/);
		const pages = pdf.text.split('\f').map(squeeze);
		expect(pages[0]).toContain(material.title);
		expect(pages[1]).toContain('Сабактын максаты');
		expect(pages[2]).toContain('Сабактын жүрүшү');
	});
});
