import { describe, expect, it } from 'vitest';
import { sanitizeBody } from '../../richtext/sanitize.js';
import { cleanText, htmlToBlocks, MAX_DEPTH, type Block } from './blocks.js';

const KEY = '0123456789abcdef'.repeat(4);

describe('htmlToBlocks', () => {
	it('reads paragraphs and headings with inline marks', () => {
		expect(
			htmlToBlocks(
				'<h2>Title <em>one</em></h2><h3>Sub</h3><h4>Small</h4>' +
					'<p><strong>bold <em>both</em></strong> <u>u</u><s>s</s>H<sub>2</sub>O x<sup>2</sup> ' +
					'<code>a()</code> <a href="https://example.org/?a=1&amp;b=2">link</a></p>'
			)
		).toEqual([
			{ type: 'heading', level: 2, inlines: [{ text: 'Title ' }, { text: 'one', italic: true }] },
			{ type: 'heading', level: 3, inlines: [{ text: 'Sub' }] },
			{ type: 'heading', level: 4, inlines: [{ text: 'Small' }] },
			{
				type: 'paragraph',
				inlines: [
					{ text: 'bold ', bold: true },
					{ text: 'both', bold: true, italic: true },
					{ text: ' ' },
					{ text: 'u', underline: true },
					{ text: 's', strike: true },
					{ text: 'H' },
					{ text: '2', sub: true },
					{ text: 'O x' },
					{ text: '2', sup: true },
					{ text: ' ' },
					{ text: 'a()', code: true },
					{ text: ' ' },
					{ text: 'link', href: 'https://example.org/?a=1&b=2' }
				]
			}
		]);
	});

	it('collapses white space as a browser does', () => {
		expect(
			htmlToBlocks('\n  <p>  a \n\t b  <strong> c </strong> d<br>\n  e  <br></p>\n  <p> </p>')
		).toEqual([
			{
				type: 'paragraph',
				inlines: [
					{ text: 'a b ' },
					{ text: 'c ', bold: true },
					{ text: 'd' },
					{ br: true },
					{ text: 'e' }
				]
			}
		]);
		expect(htmlToBlocks('<p>a&nbsp;&nbsp;b</p>')).toEqual([
			{ type: 'paragraph', inlines: [{ text: 'a\u00a0\u00a0b' }] }
		]);
	});

	it('wraps text outside blocks into paragraphs', () => {
		expect(htmlToBlocks('loose <em>text</em><p>para</p>tail<hr>after')).toEqual([
			{ type: 'paragraph', inlines: [{ text: 'loose ' }, { text: 'text', italic: true }] },
			{ type: 'paragraph', inlines: [{ text: 'para' }] },
			{ type: 'paragraph', inlines: [{ text: 'tail' }] },
			{ type: 'hr' },
			{ type: 'paragraph', inlines: [{ text: 'after' }] }
		]);
	});

	it("nests lists and quotes, keeping an ordered list's start", () => {
		const blocks = htmlToBlocks(
			'<ol start="3"><li>one<ul><li><p>a</p></li><li>b</li></ul></li><li><p>two</p><p>more</p></li></ol>' +
				'<blockquote><p>q</p><blockquote>qq</blockquote></blockquote>'
		);
		expect(blocks).toEqual([
			{
				type: 'list',
				ordered: true,
				start: 3,
				items: [
					[
						{ type: 'paragraph', inlines: [{ text: 'one' }] },
						{
							type: 'list',
							ordered: false,
							start: 1,
							items: [
								[{ type: 'paragraph', inlines: [{ text: 'a' }] }],
								[{ type: 'paragraph', inlines: [{ text: 'b' }] }]
							]
						}
					],
					[
						{ type: 'paragraph', inlines: [{ text: 'two' }] },
						{ type: 'paragraph', inlines: [{ text: 'more' }] }
					]
				]
			},
			{
				type: 'quote',
				blocks: [
					{ type: 'paragraph', inlines: [{ text: 'q' }] },
					{ type: 'quote', blocks: [{ type: 'paragraph', inlines: [{ text: 'qq' }] }] }
				]
			}
		]);
	});

	it('flattens nesting deeper than MAX_DEPTH', () => {
		const depth = MAX_DEPTH + 4;
		const html = '<ul><li>'.repeat(depth) + 'deep' + '</li></ul>'.repeat(depth);
		let level = 0;
		let blocks: Block[] = htmlToBlocks(html);
		while (blocks[0]?.type === 'list') {
			level++;
			blocks = blocks[0].items[0] ?? [];
		}
		expect(level).toBe(MAX_DEPTH);
		expect(blocks).toEqual([{ type: 'paragraph', inlines: [{ text: 'deep' }] }]);
	});

	it('keeps only edition pictures, splitting the paragraph around them', () => {
		expect(
			htmlToBlocks(
				`<p>before<img src="edition-image:${KEY}" alt="A picture">after</p>` +
					'<img src="https://example.org/x.png"><img src="data:image/png;base64,AAAA">' +
					`<img src="edition-image:${KEY.slice(1)}"><img src="ustat-image:1">`
			)
		).toEqual([
			{ type: 'paragraph', inlines: [{ text: 'before' }] },
			{ type: 'image', key: KEY, alt: 'A picture' },
			{ type: 'paragraph', inlines: [{ text: 'after' }] }
		]);
	});

	it('reads tables with a header row, spans and padding', () => {
		const [table] = htmlToBlocks(
			'<table><tbody>' +
				'<tr><th>H1</th><th colspan="2">H2</th></tr>' +
				'<tr><td rowspan="2">a</td><td>b</td><td>c</td></tr>' +
				'<tr><td>d</td></tr>' +
				'<tr><td colspan="9">wide</td></tr>' +
				'</tbody></table>'
		);
		const cell = (text: string, colspan = 1, rowspan = 1, header = false) => ({
			header,
			colspan,
			rowspan,
			blocks: text ? [{ type: 'paragraph', inlines: [{ text }] }] : []
		});
		expect(table).toEqual({
			type: 'table',
			columns: 9,
			headerRows: 1,
			rows: [
				[cell('H1', 1, 1, true), cell('H2', 2, 1, true), ...Array(6).fill(cell('', 1, 1, true))],
				[cell('a', 1, 2), cell('b'), cell('c'), ...Array(6).fill(cell(''))],
				[cell('d'), ...Array(7).fill(cell(''))],
				[cell('wide', 9)]
			]
		});
	});

	it('clamps spans to the table and the header, and reads thead', () => {
		const [table] = htmlToBlocks(
			'<table><thead><tr><th rowspan="5">h</th><td>x</td></tr></thead>' +
				'<tbody><tr><td rowspan="0">r</td><td>y</td></tr><tr><td>z</td></tr></tbody></table>'
		);
		expect(table?.type === 'table' && table.headerRows).toBe(1);
		expect(
			table?.type === 'table' && table.rows.map((row) => row.map((c) => [c.colspan, c.rowspan]))
		).toEqual([
			[
				[1, 1],
				[1, 1]
			],
			[
				[1, 2],
				[1, 1]
			],
			[[1, 1]]
		]);
	});

	it('does not repeat a table made only of header cells', () => {
		const [table] = htmlToBlocks('<table><tr><th>a</th></tr><tr><th>b</th></tr></table>');
		expect(table?.type === 'table' && table.headerRows).toBe(0);
	});

	it('keeps a pre block verbatim', () => {
		expect(htmlToBlocks('<pre>\n  a  &lt;b&gt;\n\tc<br>d\n</pre>')).toEqual([
			{ type: 'pre', text: '  a  <b>\n\tc\nd' }
		]);
	});

	it('reads what the sanitizer writes', () => {
		const html = sanitizeBody(
			'<h1>T</h1><p>x<b>y</b><i>z</i><a href="javascript:alert(1)">no</a></p><script>bad()</script>'
		);
		expect(htmlToBlocks(html)).toEqual([
			{ type: 'heading', level: 2, inlines: [{ text: 'T' }] },
			{
				type: 'paragraph',
				inlines: [
					{ text: 'x' },
					{ text: 'y', bold: true },
					{ text: 'z', italic: true },
					{ text: 'no' }
				]
			}
		]);
	});

	it('falls back to text and pictures for markup nested too deep to walk', () => {
		const depth = 30_000;
		const html =
			'<ul><li>'.repeat(depth) +
			`deep <strong>text</strong><img src="edition-image:${KEY}"><p>next</p>` +
			'</li></ul>'.repeat(depth);
		expect(htmlToBlocks(html)).toEqual([
			{ type: 'paragraph', inlines: [{ text: 'deep text' }] },
			{ type: 'image', key: KEY, alt: '' },
			{ type: 'paragraph', inlines: [{ text: 'next' }] }
		]);
	});

	it('gives nothing for an empty body', () => {
		expect(htmlToBlocks('')).toEqual([]);
		expect(htmlToBlocks('<p></p><p> <br> </p>')).toEqual([]);
	});
});

describe('cleanText', () => {
	it('removes what XML forbids and mends lone surrogates', () => {
		expect(cleanText('a\u0000b\u0007c\td\ne\uffff')).toBe('abc\td\ne');
		expect(cleanText('x\ud800y\udc00z 😀')).toBe('x\ufffdy\ufffdz 😀');
	});
});
