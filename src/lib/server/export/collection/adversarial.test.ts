// Hostile and extreme content: Typst and XML syntax in every text, a 600-row table, a huge
// picture, one that can't be decoded, an empty body, right-to-left text and emoji.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { sanitizeBody } from '../../richtext/sanitize.js';
import { buildCollectionDocx } from './docx.js';
import { normalizeImages, type NormalizedImage } from './images.js';
import { EDITION_IMAGE, type CollectionItemModel, type CollectionModel } from './model.js';
import { syntheticCollection } from './synthetic.js';
import { readDocx, readPdf, squeeze, type DocxParts, type PdfFacts } from './testing.js';
import { buildCollectionPdf } from './typst.js';

const NASTY =
	'# $ * @ < { } [ ] \\ _ ~ = - + / " \' `` </w:t> ]]> #import "x" #{panic()} ${x} %% &amp; ;';
const OTHER_SCRIPTS = 'שלום עולם مرحبا 😀👩‍🏫 ∑ 漢字';
const HUGE_KEY = 'a'.repeat(64);
const BROKEN_KEY = 'b'.repeat(64);
const MISSING_KEY = 'c'.repeat(64);

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function item(
	number: number,
	title: string,
	bodyHtml: string,
	extra: Partial<CollectionItemModel> = {}
) {
	return {
		number,
		materialId: `m-${number}`,
		versionNumber: 1,
		title,
		authors: ['Тест Автор'],
		type: 'Сабак',
		subjects: [],
		grades: '',
		language: 'ky' as const,
		abstract: [],
		note: [],
		bodyHtml,
		...extra
	};
}

let model: CollectionModel;
let images: Map<string, NormalizedImage>;
let dropped: number;
let docx: DocxParts;
let pdf: PdfFacts;

beforeAll(async () => {
	const base = (await syntheticCollection(2, { images: false })).model;
	const rows = Array.from(
		{ length: 600 },
		(_, row) => `<tr><td>row ${row + 1}</td><td>ң ө ү ${row + 1}</td></tr>`
	).join('');
	const nastyHtml = escape(NASTY);
	const nastyBody = sanitizeBody(
		`<p>${nastyHtml}</p><h2>${nastyHtml}</h2><ul><li>${nastyHtml}</li></ul>` +
			`<table><tr><th>${nastyHtml}</th></tr><tr><td>${nastyHtml}</td></tr></table>` +
			`<pre>${nastyHtml}</pre><blockquote><p><code>${nastyHtml}</code></p></blockquote>` +
			`<p><a href="https://example.org/?q=%22]%22&amp;a=#x">${nastyHtml}</a> <strong>${nastyHtml}</strong></p>` +
			`<p>${escape(OTHER_SCRIPTS)}</p><p dir="rtl">${escape(OTHER_SCRIPTS)}</p>`
	);
	model = {
		...base,
		title: `Жыйнак ${NASTY}`,
		subtitle: NASTY,
		school: NASTY,
		editors: [NASTY],
		approval: NASTY,
		preface: [NASTY, OTHER_SCRIPTS],
		sections: [
			...base.sections,
			{
				title: `Бөлүм ${NASTY}`,
				intro: [NASTY],
				items: [
					item(
						3,
						`Узун таблица`,
						`<table><tr><th>Column A</th><th>Column B</th></tr>${rows}</table>`
					),
					item(
						4,
						'Чоң сүрөт',
						`<p>Сүрөт:</p><img src="${EDITION_IMAGE}${HUGE_KEY}" alt="${escape(NASTY)}">` +
							`<img src="${EDITION_IMAGE}${BROKEN_KEY}"><img src="${EDITION_IMAGE}${MISSING_KEY}">` +
							`<table><tr><td><img src="${EDITION_IMAGE}${HUGE_KEY}"></td><td>x</td></tr></table>`
					),
					item(5, 'Бош материал', ''),
					item(6, `Кооптуу ${NASTY} ${OTHER_SCRIPTS}`, nastyBody, {
						authors: [NASTY, OTHER_SCRIPTS],
						type: NASTY,
						subjects: [NASTY],
						grades: NASTY,
						language: 'ru',
						abstract: [NASTY],
						note: [NASTY]
					})
				]
			}
		],
		authorsIndex: [...base.authorsIndex, { name: NASTY, items: [6] }],
		images: [
			{ key: HUGE_KEY, mime: 'image/jpeg' },
			{ key: BROKEN_KEY, mime: 'image/png' }
		]
	};
	const huge = await sharp({
		create: { width: 9000, height: 9000, channels: 3, background: { r: 30, g: 140, b: 90 } }
	})
		.jpeg({ quality: 60 })
		.toBuffer();
	({ images, dropped } = await normalizeImages([
		[HUGE_KEY, new Uint8Array(huge)],
		[BROKEN_KEY, new TextEncoder().encode('\x89PNG\r\n\x1a\n but not really')]
	]));
	docx = readDocx(await buildCollectionDocx(model, images));
	pdf = await readPdf(buildCollectionPdf(model, images).pdf);
}, 60_000);

describe('hostile and extreme content', () => {
	it('normalizes the 9000 × 9000 picture and drops the broken one', () => {
		expect(images.get(HUGE_KEY)).toMatchObject({ width: 1600, height: 1600, ext: 'jpg' });
		expect(images.has(BROKEN_KEY)).toBe(false);
		expect(dropped).toBe(1);
	});

	it('keeps every special character literal in the DOCX', () => {
		const count = docx.text.split(NASTY).length - 1;
		// Title page, verso, preface, section, intro, abstract, note, body (×9), index…
		expect(count).toBeGreaterThanOrEqual(15);
		expect(docx.text).toContain(OTHER_SCRIPTS);
		expect(docx.text).toContain(`Кооптуу ${NASTY}`);
		expect(docx.xml('word/document.xml')).not.toContain('#{panic()} ${x} %% &amp; ;</w:t>');
	});

	it('keeps every special character literal in the PDF', () => {
		const text = squeeze(pdf.text);
		const count = text.split(squeeze(NASTY)).length - 1;
		expect(count).toBeGreaterThanOrEqual(15);
		expect(text).toContain('😀');
		expect(text).toContain('漢字');
	});

	it('lays out the 600-row table, its header repeated on every page', () => {
		expect(docx.text).toContain('row 600');
		expect(pdf.text).toContain('row 600');
		expect(docx.xml('word/document.xml')).toContain('<w:tblHeader/>');
		const pages = pdf.text.split('\f').filter((page) => page.includes('row '));
		expect(pages.length).toBeGreaterThan(5);
		expect(pages.every((page) => page.includes('Column A'))).toBe(true);
	});

	it('shows the empty-body text for the empty item', () => {
		expect(docx.text).toContain(model.labels.emptyBody);
		expect(pdf.text).toContain(model.labels.emptyBody);
	});

	it('puts the picture in both, scaled to the text width', () => {
		const media = Object.keys(docx.files).filter((name) => name.startsWith('word/media/'));
		expect(media.length).toBe(1);
		const xml = docx.xml('word/document.xml');
		const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) =>
			Number(m[1])
		);
		// 165 mm of text width is 5 940 000 EMU; the cell is narrower.
		expect(extents.length).toBe(2);
		expect(Math.max(...extents)).toBeLessThanOrEqual(5_940_000);
		expect(Math.min(...extents)).toBeLessThan(3_000_000);
		expect(pdf.pages).toBeGreaterThan(10);
	});
});
