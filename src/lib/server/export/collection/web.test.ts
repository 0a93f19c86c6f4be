import { describe, expect, it } from 'vitest';
import { editionBodyHtml } from './web.js';

const KEY = 'ab'.repeat(32);

describe('editionBodyHtml', () => {
	it('rewrites edition pictures to URLs', () => {
		const html = `<p>a</p><img src="edition-image:${KEY}" alt="x" /><img alt="y" src="edition-image:${KEY}">`;
		expect(editionBodyHtml(html, (key) => `/files/${key}`)).toBe(
			`<p>a</p><img src="/files/${KEY}" alt="x" /><img alt="y" src="/files/${KEY}">`
		);
	});

	it('leaves other sources, short keys and text alone', () => {
		const html =
			`<img src="edition-image:abc"><img src="https://example.org/x.png">` +
			`<p>src="edition-image:${KEY}"</p>`;
		expect(editionBodyHtml(html, () => '/x')).toBe(html);
	});

	it('escapes the URL for the attribute', () => {
		const html = `<img src="edition-image:${KEY}">`;
		expect(editionBodyHtml(html, () => '/a?b=1&c="2"')).toBe(
			'<img src="/a?b=1&amp;c=&quot;2&quot;">'
		);
	});
});
