import { describe, expect, it } from 'vitest';
import { collectDataImages, replaceImageSources } from './images';
import {
	htmlToText,
	isAllowedImageSource,
	plainTextToHtml,
	sanitizeBody,
	cutForeignBlocks,
	BODY_MAX_CHARS
} from './sanitize';
import { xssPayloads } from './xss-payloads';

const ALLOWED_TAGS = new Set(
	'p br h2 h3 h4 strong em u s sub sup blockquote ul ol li table thead tbody tr th td a img hr code pre section'.split(
		' '
	)
);
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
	a: ['href', 'rel', 'target', 'id'],
	img: ['src', 'alt', 'width', 'height'],
	ol: ['start'],
	li: ['id'],
	p: ['style'],
	h2: ['style'],
	h3: ['style'],
	h4: ['style'],
	hr: ['class'],
	sup: ['class'],
	section: ['class'],
	td: ['colspan', 'rowspan'],
	th: ['colspan', 'rowspan']
};
const NUMERIC = new Set(['width', 'height', 'start', 'colspan', 'rowspan']);
/** The only values these attributes may have. */
const EXACT: Record<string, RegExp> = {
	style: /^text-align:(center|right|justify)$/,
	class: /^(page-break|footnote-ref|footnotes)$/,
	id: /^fn(ref)?-\d{1,4}$/
};

const PNG =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAFUlEQVQI12P4z8DAsACIGf7///8fAByXBZzc4LtrAAAAAElFTkSuQmCC';
const UUID = '0b6f6a4e-3c1d-4c2a-9d1e-5f2a7b8c9d0e';
const OWN_IMAGE = `/groups/${UUID}/materials/${UUID}/images/${'ab'.repeat(32)}`;

/** Every problem in sanitized output: a tag, attribute or URL outside the allow-list. */
function problems(html: string): string[] {
	const found: string[] = [];
	for (const [, name = '', rest = ''] of html.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)) {
		const tag = name.toLowerCase();
		if (!ALLOWED_TAGS.has(tag)) found.push(`tag <${tag}>`);
		const attributes = rest.replace(/\/$/, '').trim();
		if (!attributes) continue;
		const parsed = [...attributes.matchAll(/([^\s=]+)="([^"]*)"/g)];
		// sanitize-html writes every attribute as name="value": anything else is suspect.
		if (parsed.map((m) => m[0]).join(' ') !== attributes) found.push(`attributes "${attributes}"`);
		for (const [, attribute = '', value = ''] of parsed) {
			if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(attribute))
				found.push(`attribute ${attribute} on <${tag}>`);
			if (NUMERIC.has(attribute) && !/^\d+$/.test(value)) found.push(`${attribute}="${value}"`);
			if (attribute === 'href' && !/^(https?:\/\/|mailto:|#fn(ref)?-\d{1,4}$)/i.test(value))
				found.push(`href ${value}`);
			const exact = EXACT[attribute];
			if (exact && !exact.test(value)) found.push(`${attribute}="${value}"`);
			if (attribute === 'src' && !isAllowedImageSource(value)) found.push(`src ${value}`);
		}
	}
	if (/javascript:|vbscript:|data:text|data:image\/svg/i.test(html.replace(/>[^<]*</g, '><')))
		found.push('dangerous URL in markup');
	return found;
}

describe('sanitizeBody against script injection', () => {
	it('uses a checker that does flag unsafe markup', () => {
		expect(problems('<a href="javascript:x" onclick="y">a</a><svg></svg><img src="x">')).toEqual([
			'href javascript:x',
			'attribute onclick on <a>',
			'tag <svg>',
			'tag <svg>',
			'src x',
			'dangerous URL in markup'
		]);
	});

	it.each(xssPayloads.map((payload, i) => [i, payload]))('payload %i is defused', (_i, payload) => {
		const clean = sanitizeBody(payload);
		expect(problems(clean), clean).toEqual([]);
		expect(clean).not.toMatch(
			/<(script|svg|math|iframe|object|embed|style|form|meta|base|link)\b/i
		);
		expect(clean).not.toMatch(/\son[a-z]+\s*=/i);
		expect(sanitizeBody(clean)).toBe(clean);
	});

	it('drops script and style content entirely, not just the tags', () => {
		expect(sanitizeBody('<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>')).toBe(
			'<p>a</p><p>b</p>'
		);
	});

	it('unwraps a rejected link but keeps its text, and the next link intact', () => {
		expect(
			sanitizeBody('<p><a href="javascript:x">bad</a> <a href="https://a.kg">good</a></p>')
		).toBe(
			'<p>bad <a href="https://a.kg" rel="noopener noreferrer nofollow" target="_blank">good</a></p>'
		);
	});

	// Finding 8 of issue 16: the text after an unclosed <style> inside <math> was lost.
	it('keeps the text after an unclosed <style> inside <math> or <svg>', () => {
		for (const tag of ['math', 'svg', 'MATH'])
			expect(sanitizeBody(`<p>a</p><${tag}><style>x</${tag}><p>kept text</p><p>more</p>`)).toBe(
				'<p>a</p> <p>kept text</p><p>more</p>'
			);
		// The block itself is still dropped whole, scripts and all.
		expect(sanitizeBody('<math><mi>x</mi><script>alert(1)</script></math><p>b</p>')).toBe(
			' <p>b</p>'
		);
		// A block cut from the middle of a tag name cannot join the halves into a tag.
		expect(sanitizeBody('<p>a<scr<svg></svg>ipt>b</p>')).not.toContain('script');
	});

	it('cuts foreign blocks in linear time, even when one kind is never closed', () => {
		const hostile = '<math>'.repeat(100_000) + '<svg><style>x</svg>t'.repeat(50_000);
		const started = performance.now();
		expect(cutForeignBlocks(hostile).length).toBeLessThan(hostile.length);
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	it('drops an image whose source is not allowed', () => {
		expect(sanitizeBody('<p><img src="https://evil.example/track.png">x</p>')).toBe('<p>x</p>');
		expect(sanitizeBody(`<img src="/groups/${UUID}/materials/x/images/1">`)).toBe('');
	});
});

describe('sanitizeBody keeps good content', () => {
	const good =
		'<h2>Сабактын планы: Ата-мекен</h2>' +
		'<p>Теңир-Тоо, Ысык-Көл, Өмүр, Үмүт — <strong>жазуу</strong>, <em>окуу</em>, <u>у</u>, <s>s</s>, H<sub>2</sub>O, x<sup>2</sup>.</p>' +
		'<blockquote><p>Цитата на русском языке.</p></blockquote>' +
		'<ul><li>бир</li><li>эки</li></ul><ol start="3"><li>үч</li></ol>' +
		'<table><thead><tr><th colspan="2">Этап</th></tr></thead><tbody><tr><td rowspan="2">1</td><td>2</td></tr></tbody></table>' +
		'<p><a href="https://edu.gov.kg/" rel="noopener noreferrer nofollow" target="_blank">министрлик</a> <a href="mailto:ustat@example.kg" rel="noopener noreferrer nofollow" target="_blank">кат</a></p>' +
		`<p><img src="${PNG}" alt="сүрөт" width="120" height="90" /><img src="${OWN_IMAGE}" alt="" /><img src="ustat-image:2" /></p>` +
		'<hr /><pre><code>let x = 1 &lt; 2;</code></pre><p>a<br />b</p>';

	it('passes allowed markup through unchanged', () => {
		expect(sanitizeBody(good)).toBe(good);
	});

	it('maps h1 to h2, h5/h6 to h4 and b/i to strong/em', () => {
		expect(sanitizeBody('<h1>a</h1><h5>b</h5><h6>c</h6><b>d</b><i>e</i>')).toBe(
			'<h2>a</h2><h4>b</h4><h4>c</h4><strong>d</strong><em>e</em>'
		);
	});

	it('adds rel and target to links and drops other attributes', () => {
		expect(sanitizeBody('<a href="http://a.kg" title="t" class="c" id="i" style="x">a</a>')).toBe(
			'<a href="http://a.kg" rel="noopener noreferrer nofollow" target="_blank">a</a>'
		);
	});

	it('keeps numeric table and image attributes only when numeric', () => {
		expect(
			sanitizeBody(
				'<table><tr><td colspan="2" rowspan="x">a</td></tr></table><img src="ustat-image:1" width="50%">'
			)
		).toBe('<table><tr><td colspan="2">a</td></tr></table><img src="ustat-image:1" />');
	});

	it('is idempotent', () => {
		const once = sanitizeBody(good + xssPayloads.join(''));
		expect(sanitizeBody(once)).toBe(once);
	});

	it('exports the body size limit', () => {
		expect(BODY_MAX_CHARS).toBe(2_000_000);
	});
});

describe('plainTextToHtml', () => {
	it('makes paragraphs from blank lines and <br> from single newlines, escaped', () => {
		expect(plainTextToHtml('Салам, дүйнө!\r\nЭкинчи сап <3 & "ok"\n\n\n  Жаңы абзац  \n')).toBe(
			'<p>Салам, дүйнө!<br />Экинчи сап &lt;3 &amp; "ok"</p><p>Жаңы абзац</p>'
		);
	});

	it('is stable under sanitizeBody', () => {
		const html = plainTextToHtml('a < b > c\nd & e\n\nf');
		expect(sanitizeBody(html)).toBe(html);
	});

	it('sanitizes text that contains tags as HTML', () => {
		expect(plainTextToHtml('<p>ok</p><script>alert(1)</script>')).toBe('<p>ok</p>');
		expect(plainTextToHtml('<img src=x onerror=alert(1)>')).toBe('');
	});

	it('gives nothing for blank text', () => {
		expect(plainTextToHtml(' \n\n \n')).toBe('');
	});
});

describe('htmlToText', () => {
	it('puts blocks on lines, table cells apart by tabs, and decodes entities', () => {
		const html =
			'<h2>Тема</h2><p>Биринчи&nbsp;абзац &amp; «цитата» &lt;x&gt;</p><ul><li>бир</li><li>эки</li></ul>' +
			'<table><tr><td><p>A</p><p>B</p></td><td>C</td></tr><tr><td>D</td><td>E</td></tr></table><p>x<br>y</p>';
		expect(htmlToText(html)).toBe(
			'Тема\nБиринчи абзац & «цитата» <x>\nбир\nэки\nA B\tC\nD\tE\nx\ny'
		);
	});

	it('ignores script content and markup', () => {
		expect(htmlToText('<p>a</p><script>var b</script><p onclick="c">d</p>')).toBe('a\nd');
	});
});

describe('body images', () => {
	it('takes data images out behind placeholders, after any already there', () => {
		const html = `<p><img src="ustat-image:4" /><img src="${PNG}" alt="a" /></p><p><img src="${PNG}" /></p>`;
		const result = collectDataImages(html);
		expect(result.html).toBe(
			'<p><img src="ustat-image:4" /><img src="ustat-image:5" alt="a" /></p><p><img src="ustat-image:6" /></p>'
		);
		expect(result.images.map((i) => [i.placeholder, i.contentType, i.bytes[1]])).toEqual([
			['ustat-image:5', 'image/png', 0x50],
			['ustat-image:6', 'image/png', 0x50]
		]);
		expect(result.dropped).toBe(0);
	});

	it('drops images with broken base64, a false type or over 10 MB', () => {
		const big = 'data:image/png;base64,' + 'A'.repeat(14_000_000);
		const html =
			'<img src="data:image/png;base64,AAAA" />' + // decodes, but is not a PNG
			`<img src="${PNG.replace('image/png', 'image/gif')}" />` +
			'<img src="data:image/png;base64,abc" />' + // length not a multiple of 4
			`<img src="${big}" /><p>ok</p>`;
		const result = collectDataImages(html);
		expect(result).toMatchObject({ html: '<p>ok</p>', images: [], dropped: 4 });
	});

	it('rewrites or drops image sources through a map', () => {
		const html = '<p><img src="ustat-image:1" alt="a" /><img src="ustat-image:2" /></p>';
		expect(replaceImageSources(html, (src) => (src === 'ustat-image:1' ? OWN_IMAGE : null))).toBe(
			`<p><img src="${OWN_IMAGE}" alt="a" /></p>`
		);
		// A map cannot smuggle in a source the sanitizer would refuse.
		expect(replaceImageSources(html, () => 'javascript:alert(1)')).toBe('<p></p>');
	});
});

describe('sanitizeBody and what Word brings (issue 18)', () => {
	const footnotes =
		'<p>Ньютон<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup></p>' +
		'<section class="footnotes"><ol><li id="fn-1"><p>Эскертүү.</p></li></ol></section>';

	it('keeps alignment, page breaks, footnotes, picture sizes and header rows as they are', () => {
		const html =
			'<p style="text-align:center">a</p><h2 style="text-align:right">b</h2>' +
			'<p style="text-align:justify">c</p><hr class="page-break" />' +
			`<p>x<sup>2</sup> H<sub>2</sub>O</p><p><img src="${PNG}" alt="" width="240" height="120" /></p>` +
			'<table><thead><tr><th>А</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>' +
			footnotes;
		expect(sanitizeBody(html)).toBe(html);
		expect(problems(html)).toEqual([]);
	});

	it('takes the editor’s spelling of an alignment and writes it one way', () => {
		expect(sanitizeBody('<p style="text-align: center;">a</p>')).toBe(
			'<p style="text-align:center">a</p>'
		);
		expect(sanitizeBody('<h3 style="TEXT-ALIGN : Right">a</h3>')).toBe(
			'<h3 style="text-align:right">a</h3>'
		);
		// Left is the default: nothing to write.
		expect(sanitizeBody('<p style="text-align:left">a</p>')).toBe('<p>a</p>');
	});

	it.each([
		'<p style="background:url(javascript:alert(1))">a</p>',
		'<p style="text-align:center;background-image:url(https://evil.kg/x.png)">a</p>',
		'<p style="width:expression(alert(1));text-align:right">a</p>',
		'<p style="text-align:center url(x)">a</p>',
		'<p style="text-align:center\\;behavior:url(x.htc)">a</p>',
		'<p style="position:fixed;top:0;left:0;width:100%;height:100%">a</p>',
		'<p style="text-align:/**/center">a</p>',
		'<span style="text-align:center">a</span>',
		'<td style="text-align:center">a</td>',
		'<img src="x" style="text-align:center">'
	])('lets no other style through: %s', (hostile) => {
		const clean = sanitizeBody(hostile);
		expect(problems(clean), clean).toEqual([]);
		expect(clean).not.toMatch(/url|expression|behavior|position|background|width:/i);
		expect(sanitizeBody(clean)).toBe(clean);
	});

	it('keeps only its own classes and ids, on their own elements', () => {
		expect(sanitizeBody('<hr class="page-break hidden" />')).toBe('<hr class="page-break" />');
		expect(sanitizeBody('<hr class="login-overlay" />')).toBe('<hr />');
		expect(sanitizeBody('<p class="page-break">a</p>')).toBe('<p>a</p>');
		expect(sanitizeBody('<sup class="footnote-ref x">1</sup>')).toBe(
			'<sup class="footnote-ref">1</sup>'
		);
		expect(sanitizeBody('<sup class="footnotes">1</sup>')).toBe('<sup>1</sup>');
		// A section that is not the notes is unwrapped: its text stays.
		expect(sanitizeBody('<section class="hero"><p>a</p></section>')).toBe('<p>a</p>');
		expect(sanitizeBody('<section><p>a</p></section>')).toBe('<p>a</p>');
		// Ids that could clobber the page's own names or forms go.
		expect(sanitizeBody('<li id="csrf">a</li><li id="fn-1x">b</li><li id="fn-2">c</li>')).toBe(
			'<li>a</li><li>b</li><li id="fn-2">c</li>'
		);
		expect(sanitizeBody('<p id="fn-1">a</p>')).toBe('<p>a</p>');
	});

	it('lets a footnote link point only at a note', () => {
		expect(sanitizeBody('<a href="#fn-1" id="main">1</a>')).toBe('<a href="#fn-1">1</a>');
		expect(sanitizeBody('<a href="#login" id="fnref-1">1</a>')).toBe('1');
		expect(sanitizeBody('<a href="#fn-1&quot; onclick=&quot;x">1</a>')).toBe('1');
		expect(sanitizeBody('<a href="https://a.kg" id="fnref-1">a</a>')).toBe(
			'<a href="https://a.kg" rel="noopener noreferrer nofollow" target="_blank">a</a>'
		);
	});

	it('counts the notes in the text of a body', () => {
		expect(htmlToText(footnotes)).toBe('Ньютон1\nЭскертүү.');
	});
});
