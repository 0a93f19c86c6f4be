import { describe, expect, it } from 'vitest';
import { editionBodyHtml } from './web.js';

const KEY = 'ab'.repeat(32);

describe('editionBodyHtml', () => {
	it('rewrites edition pictures to URLs', () => {
		const html = `<p>a</p><img src="edition-image:${KEY}" alt="x" /><img alt="y" src="edition-image:${KEY}">`;
		const out = editionBodyHtml(html, (key) => `/files/${key}`);
		expect(out).toContain('<p>a</p>');
		expect(out.match(new RegExp(`src="/files/${KEY}"`, 'g'))).toHaveLength(2);
		expect(out).toContain('alt="x"');
		expect(out).toContain('alt="y"');
	});

	it('sanitizes again: other sources, scripts and handlers do not survive', () => {
		const html =
			`<img src="edition-image:abc"><img src="https://example.org/x.png">` +
			`<p onclick="alert(1)">src="edition-image:${KEY}"</p><script>alert(2)</script>` +
			`<img src="ustat-image:1">`;
		const out = editionBodyHtml(html, () => '/x');
		expect(out).not.toContain('example.org');
		expect(out).not.toContain('edition-image:abc');
		expect(out).not.toContain('onclick');
		expect(out).not.toContain('<script');
		// The text that only looks like a source stays text; a stray placeholder stays inert.
		expect(out).toContain(`src="edition-image:${KEY}"`);
		expect(out).not.toContain('src="/x"');
	});

	it('escapes the URL for the attribute', () => {
		const html = `<img src="edition-image:${KEY}">`;
		expect(editionBodyHtml(html, () => '/a?b=1&c="2"')).toContain(
			'src="/a?b=1&amp;c=&quot;2&quot;"'
		);
	});

	it('gives each body on a shared page its own footnote ids, so a link finds its own note', () => {
		const html =
			'<p>Мыйзам<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup> id="fn-1"</p>' +
			'<section class="footnotes"><ol><li id="fn-1"><p>Эскертүү.</p><a href="#fnref-1">↩</a></li></ol></section>';
		const second = editionBodyHtml(html, () => '/x', 'm2');
		expect(second).toContain('<a href="#m2-fn-1" id="m2-fnref-1">1</a>');
		expect(second).toContain('<li id="m2-fn-1">');
		expect(second).toContain('href="#m2-fnref-1"');
		// Text that only looks like an attribute stays as it was.
		expect(second).toContain(' id="fn-1"</p>');
		// Alone on its page (a material's print view), a body keeps its ids.
		expect(editionBodyHtml(html, () => '/x')).toContain('<li id="fn-1">');
	});
});
