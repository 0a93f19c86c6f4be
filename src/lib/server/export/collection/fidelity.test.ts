// Issue 18: what a Word file brings (superscript, alignment, page breaks, nested lists, a header
// row, a picture's size, footnotes) goes from the import through the blocks into the DOCX and
// the PDF.
import { describe, expect, it } from 'vitest';
import { FIDELITY_TEXT, importedMaterial } from '../../test/docx-fidelity-fixtures.js';
import { htmlToBlocks, type Block } from './blocks.js';
import { buildMaterialDocx } from './docx.js';
import type { MaterialDocument } from './model.js';
import { missingInOrder, readDocx, readPdf, squeeze } from './testing.js';
import { buildMaterialPdf } from './typst.js';

const t = FIDELITY_TEXT;

describe('the blocks of an imported Word body', async () => {
	const { material } = await importedMaterial();
	const blocks = htmlToBlocks(material.bodyHtml);
	const find = (predicate: (block: Block) => boolean) => blocks.find(predicate);

	it('keep the alignment of centred and right-aligned paragraphs', () => {
		expect(find((b) => b.type === 'paragraph' && b.align === 'center')).toMatchObject({
			inlines: [{ text: t.centered }]
		});
		expect(find((b) => b.type === 'paragraph' && b.align === 'right')).toMatchObject({
			inlines: [{ text: t.right }]
		});
	});

	it('keep superscript and subscript runs', () => {
		const formula = find(
			(b) => b.type === 'paragraph' && JSON.stringify(b.inlines).includes('E = m')
		);
		expect(formula).toMatchObject({
			inlines: [
				{ text: 'E = mc' },
				{ text: '2', sup: true },
				{ text: ', a' },
				{ text: '2', sup: true },
				{ text: ', H' },
				{ text: '2', sub: true },
				{ text: 'O' }
			]
		});
	});

	it('carry each footnote at its reference, and no list of notes at the end', () => {
		const noted = find(
			(b) => b.type === 'paragraph' && JSON.stringify(b.inlines).includes(t.noted)
		);
		expect(noted).toMatchObject({
			inlines: [
				{ text: t.noted },
				{ footnote: [{ type: 'paragraph', inlines: [{ text: t.note }] }] },
				{ text: ' жана андан ары.' }
			]
		});
		expect(JSON.stringify(blocks.at(-1))).not.toContain(t.secondNote);
		expect(JSON.stringify(blocks)).toContain(t.secondNote);
	});

	it('have a page break before the text of the new page', () => {
		const index = blocks.findIndex((b) => b.type === 'pagebreak');
		expect(index).toBeGreaterThan(0);
		expect(blocks[index + 1]).toMatchObject({ inlines: [{ text: t.afterBreak }] });
	});

	it('keep the two-level list, the header row and the picture’s size', () => {
		expect(find((b) => b.type === 'list')).toMatchObject({
			ordered: true,
			items: [
				[
					{ type: 'paragraph', inlines: [{ text: t.outer[0] }] },
					{ type: 'list', items: t.inner.map((text) => [{ inlines: [{ text }] }]) }
				],
				[{ type: 'paragraph', inlines: [{ text: t.outer[1] }] }]
			]
		});
		expect(find((b) => b.type === 'table')).toMatchObject({ headerRows: 1, columns: 2 });
		expect(find((b) => b.type === 'image')).toMatchObject(t.image);
	});
});

describe('the DOCX of an imported Word body', async () => {
	const { material, images } = await importedMaterial();
	const docx = readDocx(await buildMaterialDocx(material, images));
	const xml = docx.xml('word/document.xml');
	const paragraphWith = (text: string) =>
		xml.split('</w:p>').find((paragraph) => paragraph.includes(text)) ?? '';

	it('has superscript and subscript runs', () => {
		const formula = paragraphWith('E = m');
		expect(formula.match(/<w:vertAlign w:val="superscript"\/>/g)).toHaveLength(2);
		expect(formula.match(/<w:vertAlign w:val="subscript"\/>/g)).toHaveLength(1);
	});

	it('centres and right-aligns as the body says', () => {
		expect(paragraphWith(t.centered)).toContain('<w:jc w:val="center"/>');
		expect(paragraphWith(t.right)).toContain('<w:jc w:val="right"/>');
	});

	it('breaks the page where the Word file did', () => {
		const before = xml.indexOf('<w:br w:type="page"/>');
		expect(before).toBeGreaterThan(xml.indexOf(t.noted));
		expect(before).toBeLessThan(xml.indexOf(t.afterBreak));
	});

	it('has real footnotes, referenced in the text', () => {
		expect(paragraphWith(t.noted)).toMatch(/<w:footnoteReference w:id="1"\/>/);
		expect(xml).toMatch(/<w:footnoteReference w:id="2"\/>/);
		const notes = docx.xml('word/footnotes.xml');
		expect(notes).toContain(t.note);
		expect(notes).toContain(t.secondNote);
	});

	it('numbers the inner list one level deeper', () => {
		expect(paragraphWith(t.inner[0]!)).toMatch(/<w:ilvl w:val="1"\/>/);
		expect(paragraphWith(t.outer[0]!)).toMatch(/<w:ilvl w:val="0"\/>/);
	});

	it('repeats the header row and sizes the picture as in Word', () => {
		expect(xml).toMatch(/<w:tblHeader\/>/);
		// 240×120 CSS pixels = 2,286,000 × 1,143,000 EMU.
		expect(xml).toContain('<wp:extent cx="2286000" cy="1143000"/>');
	});
});

describe('the PDF of an imported Word body', async () => {
	const { material, images } = await importedMaterial();
	const result = buildMaterialPdf(material, images);
	const pdf = await readPdf(result.pdf);

	it('puts the text after the page break on a second page, the notes at the page’s foot', () => {
		expect(pdf.pages).toBe(2);
		// pdftotext ends each page with a form feed.
		const [first = '', second = ''] = pdf.text.split('\f');
		expect(squeeze(first)).toContain(t.centered);
		expect(squeeze(second)).toContain(t.afterBreak);
		// The notes close the first page, after its text.
		expect(
			missingInOrder(squeeze(first), [t.noted, 'Дагы бир сап', t.note, t.secondNote])
		).toBeNull();
		expect(squeeze(second)).not.toContain(t.note);
	});

	it('has the list, the table and the formula’s text', () => {
		const text = squeeze(pdf.text);
		expect(missingInOrder(text, [...t.inner, t.outer[1]!, ...t.header, ...t.rows[0]!])).toBeNull();
		expect(text).toContain('E = mc2');
	});
});

describe('footnotes and page breaks in unusual places', () => {
	const html =
		'<p>a<sup class="footnote-ref"><a href="#fn-9" id="fnref-9">9</a></sup> b' +
		'<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup></p>' +
		'<ul><li><p>item</p><hr class="page-break" /></li></ul>' +
		'<table><tbody><tr><td><hr class="page-break" />cell</td></tr></tbody></table>' +
		'<section class="footnotes"><ol><li id="fn-1"><p>note <strong>one</strong></p>' +
		'<ul><li>listed</li></ul></li></ol></section>';

	it('drops a reference whose note is missing, and keeps the notes out of the text', () => {
		const [first] = htmlToBlocks(html);
		expect(first).toMatchObject({
			type: 'paragraph',
			inlines: [{ text: 'a b' }, { footnote: [{ type: 'paragraph' }, { type: 'list' }] }]
		});
		expect(JSON.stringify(htmlToBlocks(html).slice(1))).not.toContain('note');
	});

	it('compiles in Typst with page breaks inside a list and a cell, and sets the note', async () => {
		const material: MaterialDocument = { title: 'T', authors: [], language: 'ru', bodyHtml: html };
		const pdf = await readPdf(buildMaterialPdf(material).pdf);
		expect(pdf.pages).toBe(1);
		expect(
			missingInOrder(squeeze(pdf.text), ['a b1', 'item', 'cell', '1 note one', 'listed'])
		).toBeNull();
	});

	it('leaves a page break out of a table cell in the DOCX, and keeps the note', async () => {
		const material: MaterialDocument = { title: 'T', authors: [], language: 'ru', bodyHtml: html };
		const docx = readDocx(await buildMaterialDocx(material));
		const xml = docx.xml('word/document.xml');
		expect(xml.match(/<w:br w:type="page"\/>/g)).toHaveLength(1);
		expect(xml.match(/<w:footnoteReference /g)).toHaveLength(1);
		expect(docx.xml('word/footnotes.xml')).toContain('listed');
	});
});
