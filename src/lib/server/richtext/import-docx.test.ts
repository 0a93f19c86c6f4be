import { describe, expect, it } from 'vitest';
import { appError } from '../test/expect-error';
import {
	corruptDocx,
	emptyDocx,
	localizedHeadingsDocx,
	longDocx,
	notADocx,
	pdfNamedDocx,
	TEACHER_TEXT,
	teacherDocx,
	TINY_PNG,
	unsupportedPartsDocx,
	zipBombDocx
} from '../test/docx-fixtures';
import { FIDELITY_TEXT, fidelityDocx } from '../test/docx-fidelity-fixtures';
import { importDocx } from './import-docx';
import { htmlToText, sanitizeBody } from './sanitize';

/** How much the process's peak memory grew (MB) while `run` ran. */
async function peakGrowthMb(run: () => Promise<unknown>): Promise<number> {
	const before = process.resourceUsage().maxRSS;
	await run().catch(() => undefined);
	return (process.resourceUsage().maxRSS - before) / 1024;
}

describe('importDocx of a teacher’s lesson plan', async () => {
	const result = await importDocx(await teacherDocx());
	const t = TEACHER_TEXT;

	it('keeps headings, starting at h2', () => {
		expect(result.html).toContain(`<h2>${t.title}</h2>`);
		expect(result.html).toContain(`<h3>${t.section}</h3>`);
	});

	it('keeps Kyrgyz and Russian text intact', () => {
		expect(result.html).toContain(t.intro);
		expect(result.html).toContain(t.russian);
		expect(htmlToText(result.html)).toMatch(/ң.*ө.*ү/s);
	});

	it('keeps bold and italic', () => {
		expect(result.html).toContain(`<strong>${t.bold}</strong>`);
		expect(result.html).toContain(`<em>${t.italic}</em>`);
	});

	it('keeps the bulleted and the numbered list', () => {
		expect(result.html).toContain(`<ul>${t.bullets.map((b) => `<li>${b}</li>`).join('')}</ul>`);
		expect(result.html).toContain(`<ol>${t.steps.map((s) => `<li>${s}</li>`).join('')}</ol>`);
	});

	it('keeps the 3×3 table', () => {
		const rows = t.table.map(
			(row) => `<tr>${row.map((c) => `<td><p>${c}</p></td>`).join('')}</tr>`
		);
		expect(result.html).toContain(`<table>${rows.join('')}</table>`);
	});

	it('returns the image behind a placeholder, with its alt text', () => {
		// The size set in Word (120×90) comes along.
		expect(result.html).toContain(
			`<img src="ustat-image:1" alt="${t.imageAlt}" width="120" height="90" />`
		);
		expect(result.images).toHaveLength(1);
		expect(result.images[0]).toMatchObject({
			placeholder: 'ustat-image:1',
			contentType: 'image/png'
		});
		expect(Buffer.from(result.images[0]?.bytes ?? []).equals(Buffer.from(TINY_PNG))).toBe(true);
	});

	it('keeps the link, made safe', () => {
		expect(result.html).toContain(
			`<a href="${t.link.href}" rel="noopener noreferrer nofollow" target="_blank">${t.link.text}</a>`
		);
	});

	it('has nothing to warn about and is already sanitized', () => {
		expect(result.warnings).toEqual([]);
		expect(sanitizeBody(result.html)).toBe(result.html);
	});
});

describe('importDocx reports what it cannot carry over', async () => {
	const result = await importDocx(await unsupportedPartsDocx());

	it('lists each kind once, with counts, as catalog keys', () => {
		expect(result.warnings).toEqual([
			{ key: 'import_styles_unrecognized', params: { count: 1, names: 'Менин стилим' } },
			{ key: 'import_images_unsupported', params: { count: 1 } },
			{ key: 'import_text_boxes', params: { count: 1 } },
			{ key: 'import_comments_skipped', params: { count: 1 } },
			{ key: 'import_equations_skipped', params: { count: 1 } },
			{ key: 'import_charts_skipped', params: { count: 1 } }
		]);
	});

	it('keeps the text around them, and the footnote at the end without a back-arrow', () => {
		const text = htmlToText(result.html);
		expect(text).toContain('Комментарий бар текст');
		expect(text).toContain('Өзгөчө стилдеги абзац');
		expect(text.endsWith('Сноска тексти')).toBe(true);
		expect(result.html).not.toContain('↑');
		expect(result.images).toEqual([]);
	});

	it('maps Russian and Kyrgyz heading style names', async () => {
		const { html, warnings } = await importDocx(await localizedHeadingsDocx());
		expect(html).toBe('<h2>Название</h2><h2>Заголовок 1</h2><h3>Заголовок 2</h3><h4>Аталыш 3</h4>');
		expect(warnings).toEqual([]);
	});

	it('warns about an empty document', async () => {
		expect(await importDocx(await emptyDocx())).toEqual({
			html: '',
			images: [],
			warnings: [{ key: 'import_empty' }]
		});
	});
});

describe('importDocx refuses bad files', () => {
	it('refuses a zip bomb quickly and without inflating it', async () => {
		const bomb = zipBombDocx();
		expect(bomb.length).toBeLessThan(1024 * 1024);
		const started = performance.now();
		const growth = await peakGrowthMb(async () => {
			const error = await appError(importDocx(bomb));
			expect(error).toMatchObject({
				code: 'invalid',
				messageKey: 'docx_error_part_too_large',
				field: 'docx'
			});
		});
		expect(performance.now() - started).toBeLessThan(2_000);
		expect(growth).toBeLessThan(100);
	});

	it('refuses a zip bomb whose headers lie about its size, in bounded memory', async () => {
		const bomb = zipBombDocx({ lyingHeaders: true });
		const growth = await peakGrowthMb(async () => {
			const error = await appError(importDocx(bomb));
			expect(error).toMatchObject({
				code: 'invalid',
				messageKey: 'docx_error_part_too_large',
				field: 'docx'
			});
		});
		expect(growth).toBeLessThan(100);
	});

	it.each([
		['a truncated docx', corruptDocx],
		['a zip without word/document.xml', async () => notADocx()],
		['a PDF', async () => pdfNamedDocx()],
		['random bytes', async () => new Uint8Array(1000).map((_, i) => (i * 7919) % 251)],
		['an empty file', async () => new Uint8Array(0)]
	])('refuses %s as a corrupt docx', async (_name, build) => {
		const error = await appError(importDocx(await build()));
		expect(error).toMatchObject({
			code: 'invalid',
			messageKey: 'error_docx_corrupt',
			field: 'docx'
		});
	});
});

describe('importDocx of a long document', () => {
	it('imports 20 pages with their tables and photos', async () => {
		const result = await importDocx(await longDocx(20));
		expect(result.warnings).toEqual([]);
		expect(result.images).toHaveLength(4);
		expect(result.html.match(/<h2>/g)).toHaveLength(20);
		expect(result.html.match(/<table>/g)).toHaveLength(20);
	});
});

describe('importDocx keeps what issue 18 asked for', async () => {
	const result = await importDocx(await fidelityDocx());
	const t = FIDELITY_TEXT;

	it('keeps superscript and subscript', () => {
		expect(result.html).toContain('<p>E = mc<sup>2</sup>, a<sup>2</sup>, H<sub>2</sub>O</p>');
	});

	it('keeps centred and right-aligned paragraphs, in the form the sanitizer allows', () => {
		expect(result.html).toContain(`<p style="text-align:center">${t.centered}</p>`);
		expect(result.html).toContain(`<p style="text-align:right">${t.right}</p>`);
	});

	it('turns the page break into a rule of its own between the paragraphs', () => {
		expect(result.html).toContain(`<hr class="page-break" /><p>${t.afterBreak}</p>`);
	});

	it('keeps the list two levels deep', () => {
		expect(result.html).toContain(
			`<ol><li>${t.outer[0]}<ol>${t.inner.map((i) => `<li>${i}</li>`).join('')}</ol></li>` +
				`<li>${t.outer[1]}</li></ol>`
		);
	});

	it('keeps the header row as a thead of th cells', () => {
		expect(result.html).toContain(
			`<thead><tr>${t.header.map((h) => `<th><p>${h}</p></th>`).join('')}</tr></thead>`
		);
	});

	it('keeps the picture’s size as set in Word', () => {
		expect(result.html).toContain(
			`<img src="ustat-image:1" alt="${t.imageAlt}" width="${t.image.width}" height="${t.image.height}" />`
		);
	});

	it('makes footnotes numbered references and a list of notes at the end', () => {
		expect(result.html).toContain(
			`${t.noted}<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup> жана`
		);
		expect(result.html).toContain(
			'<sup class="footnote-ref"><a href="#fn-2" id="fnref-2">2</a></sup>'
		);
		expect(result.html).toMatch(
			new RegExp(
				`<section class="footnotes"><ol><li id="fn-1"><p>${t.note} ?</p></li>` +
					`<li id="fn-2"><p>${t.secondNote} ?</p></li></ol></section>$`
			)
		);
		expect(result.html).not.toContain('footnote-ref-');
	});

	it('reports the tracked changes and the field it could not keep, and is already sanitized', () => {
		expect(result.warnings).toEqual([
			{ key: 'import_tracked_changes', params: { count: 2 } },
			{ key: 'import_fields', params: { count: 1 } }
		]);
		// The insertion is kept as shown, the deletion left out.
		expect(result.html).toContain(t.inserted);
		expect(result.html).not.toContain(t.deleted);
		expect(sanitizeBody(result.html)).toBe(result.html);
	});

	it('does not take the document’s own non-characters for its markers', async () => {
		const { Document, Packer, Paragraph } = await import('docx');
		const doc = new Document({
			sections: [{ children: [new Paragraph('\ufdd2'), new Paragraph('\ufdd0x')] }]
		});
		const { html } = await importDocx(new Uint8Array(await Packer.toBuffer(doc)));
		expect(html).toBe('<p>x</p>');
	});

	it('reports an embedded object (an old formula) that it leaves out', async () => {
		const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
		const parts = unzipSync(await fidelityDocx());
		const object =
			'<w:p><w:r><w:object><o:OLEObject Type="Embed" ProgID="Equation.3" ShapeID="_x0000_i1025"/>' +
			'</w:object></w:r></w:p>';
		parts['word/document.xml'] = strToU8(
			strFromU8(parts['word/document.xml']!).replace('<w:body>', `<w:body>${object}`)
		);
		const { warnings } = await importDocx(zipSync(parts));
		expect(warnings).toContainEqual({ key: 'import_objects_skipped', params: { count: 1 } });
	});
});
