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
});
