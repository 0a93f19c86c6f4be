// Issue 18's round trip: a Word file imported, its material exported as DOCX (the renderer of
// a single material's document), and that DOCX opened by LibreOffice as a person would. PNGs of
// the pages are kept under $USTAT_PNG_DIR when it is set.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIDELITY_TEXT, importedMaterial } from '../../test/docx-fidelity-fixtures';
import {
	docxToPdf,
	libreOfficeAvailable,
	pdfToPngs,
	readPdf,
	type PdfReading
} from '../../test/libreoffice';
import { buildMaterialDocx } from './docx';
import { readDocx } from './testing';

const t = FIDELITY_TEXT;
const available = await libreOfficeAvailable();
const words = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

let xml = '';
let pdf: PdfReading;

beforeAll(async () => {
	if (!available) return;
	const { material, images } = await importedMaterial();
	const docx = await buildMaterialDocx(material, images);
	xml = readDocx(docx).xml('word/document.xml');
	const bytes = await docxToPdf(docx, 'fidelity');
	pdf = await readPdf(bytes);
	if (process.env.USTAT_PNG_DIR)
		await pdfToPngs(bytes, path.join(process.env.USTAT_PNG_DIR, 'word-fidelity'), 80);
}, 60_000);

describe.skipIf(!available)('an imported Word file, exported and opened in LibreOffice', () => {
	it('keeps a² as a superscript (pdftotext flattens it, so the DOCX is read)', () => {
		const formula = xml.split('</w:p>').find((p) => p.includes('E = m')) ?? '';
		expect(formula).toMatch(
			/<w:t[^>]*>, a<\/w:t><\/w:r><w:r><w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:t[^>]*>2</
		);
		expect(words(pdf.text)).toContain('E = mc2, a2, H2O');
	});

	it('starts a new page at the page break', () => {
		expect(pdf.pages).toBe(2);
		expect(words(pdf.pageTexts[0] ?? '')).not.toContain(t.afterBreak);
		expect(words(pdf.pageTexts[1] ?? '')).toContain(t.afterBreak);
	});

	it('sets the footnotes at the foot of the first page, after its text', () => {
		const first = words(pdf.pageTexts[0] ?? '');
		const lastText = first.indexOf('Дагы бир сап');
		expect(lastText).toBeGreaterThan(0);
		expect(first.indexOf(t.note)).toBeGreaterThan(lastText);
		expect(first.indexOf(t.secondNote)).toBeGreaterThan(first.indexOf(t.note));
	});

	it('shows the picture at the size set in Word (240×120 px = 180×90 pt)', () => {
		expect(pdf.images).toHaveLength(1);
		expect(pdf.images[0]?.widthPt).toBeCloseTo(180, 0);
		expect(pdf.images[0]?.heightPt).toBeCloseTo(90, 0);
	});
});
