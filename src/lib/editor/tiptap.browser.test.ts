// The editor in a real browser (Chromium, as the e2e tests use): a body imported from Word
// goes in and comes out of TipTap unchanged in what issue 18 keeps — superscript, subscript,
// alignment, page breaks, nested lists, header rows, picture sizes, footnotes — and what comes
// out passes the sanitizer as it is. TipTap is bundled for the page with esbuild.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeBody } from '../server/richtext/sanitize';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
// .ci/run installs Chromium: in CI its absence is an error, not a skip.
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}`);

let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
	if (!available) return;
	const bundle = await build({
		stdin: {
			contents: `import { createEditor } from './tiptap';
				window.roundTrip = (html) => {
					const element = document.createElement('div');
					document.body.append(element);
					const editor = createEditor(element, html, () => {}, {
						attributes: {}, onState: () => {}, onImageRefused: () => {}
					});
					const out = editor.getHTML();
					editor.destroy();
					return out;
				};
				window.replaceContent = (html) => {
					const element = document.createElement('div');
					document.body.append(element);
					const editor = createEditor(element, '', () => {}, {
						attributes: {}, onState: () => {}, onImageRefused: () => {}
					});
					editor.setContent(html);
					const out = editor.getHTML();
					editor.destroy();
					return out;
				};
				window.run = (html, actions) => {
					const element = document.createElement('div');
					document.body.append(element);
					const editor = createEditor(element, html, () => {}, {
						attributes: {}, onState: () => {}, onImageRefused: () => {}
					});
					for (const action of actions) editor.run(action);
					const out = editor.getHTML();
					editor.destroy();
					return out;
				};`,
			resolveDir: fileURLToPath(new URL('.', import.meta.url)),
			loader: 'ts'
		},
		bundle: true,
		format: 'iife',
		write: false,
		logLevel: 'silent'
	});
	browser = await chromium.launch({ executablePath: CHROMIUM });
	page = await browser.newPage();
	await page.setContent('<!doctype html><html><body></body></html>');
	await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}, 60_000);

afterAll(async () => {
	await browser?.close();
});

const roundTrip = (html: string) =>
	page.evaluate(
		(body) => (window as unknown as { roundTrip(h: string): string }).roundTrip(body),
		html
	);

describe.skipIf(!available)('the editor and a body imported from Word', () => {
	it.each([
		['superscript and subscript', '<p>E = mc<sup>2</sup>, H<sub>2</sub>O</p>'],
		['a centred paragraph', '<p style="text-align:center">Борборго</p>'],
		['a right-aligned heading', '<h3 style="text-align:right">Оңго</h3>'],
		['a page break', '<p>a</p><hr class="page-break" /><p>b</p>'],
		['an ordinary rule', '<p>a</p><hr /><p>b</p>'],
		[
			'a two-level list',
			'<ol><li><p>Биринчи</p><ol><li><p>Ички А</p></li><li><p>Ички Б</p></li></ol></li><li><p>Экинчи</p></li></ol>'
		],
		[
			'a header row',
			// (The documents take a first row of th cells for the header, thead or not.)
			'<table><tbody><tr><th><p>Аты</p></th></tr><tr><td><p>Айгүл</p></td></tr></tbody></table>'
		],
		[
			'footnotes',
			'<p>Ньютон<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup> жана' +
				'<sup class="footnote-ref"><a href="#fn-2" id="fnref-2">2</a></sup></p>' +
				'<section class="footnotes"><ol><li id="fn-1"><p>Биринчи эскертүү.</p></li>' +
				'<li id="fn-2"><p>Экинчи.</p></li></ol></section>'
		]
	])('keeps %s', async (_name, html) => {
		const out = await roundTrip(html);
		// The editor writes the alignment its own way; the sanitizer brings it back to ours.
		expect(sanitizeBody(out)).toBe(html);
	});

	it('keeps a picture’s size', async () => {
		const png =
			'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAFUlEQVQI12P4z8DAsACIGf7///8fAByXBZzc4LtrAAAAAElFTkSuQmCC';
		const out = sanitizeBody(
			await roundTrip(`<img src="${png}" alt="Чийме" width="240" height="120" />`)
		);
		expect(out).toContain('width="240"');
		expect(out).toContain('height="120"');
	});

	it('centres and breaks the page with the toolbar’s actions', async () => {
		const out = await page.evaluate(() =>
			(window as unknown as { run(h: string, a: string[]): string }).run('<p>a2</p>', [
				'alignCenter',
				'pageBreak'
			])
		);
		expect(sanitizeBody(out)).toContain('<p style="text-align:center">a2</p>');
		expect(sanitizeBody(out)).toContain('<hr class="page-break" />');
	});

	it('renumbers the notes after an edit that deleted a reference, and removes its note', async () => {
		// As after the first reference was deleted: its note is left behind.
		const html =
			'<p>a b<sup class="footnote-ref"><a href="#fn-2" id="fnref-2">2</a></sup>' +
			'<sup class="footnote-ref"><a href="#fn-7" id="fnref-7">7</a></sup></p>' +
			'<section class="footnotes"><ol><li id="fn-1"><p>Биринчи.</p></li>' +
			'<li id="fn-2"><p>Экинчи.</p></li></ol></section>';
		const out = await page.evaluate(
			(body) => (window as unknown as { replaceContent(h: string): string }).replaceContent(body),
			html
		);
		// Note 1 goes with its reference, note 2 becomes 1; a reference to no note goes too.
		// (After an edit TipTap keeps an empty paragraph last, to type in below the notes.)
		expect(sanitizeBody(out).replace(/<p><\/p>$/, '')).toBe(
			'<p>a b<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup></p>' +
				'<section class="footnotes"><ol><li id="fn-1"><p>Экинчи.</p></li></ol></section>'
		);
	});
});
