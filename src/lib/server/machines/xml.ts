// Writing XML by hand, safely: every text and attribute value goes through `text`/`attr`,
// which escape markup and drop the characters XML 1.0 forbids (control characters, lone
// surrogates, U+FFFE/U+FFFF) so that one bad character in a title cannot break a feed.

/** Characters outside XML 1.0's Char production; `u` so that valid surrogate pairs stay. */
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** The text with what XML 1.0 cannot hold removed (Kyrgyz, Russian, emoji stay). */
export function xmlSafe(value: string): string {
	return value.replace(ILLEGAL, '');
}

/** Element content. */
export function text(value: string | number): string {
	return xmlSafe(String(value)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value (double-quoted); newlines and tabs kept as character references. */
export function attr(value: string | number): string {
	return text(value)
		.replace(/"/g, '&quot;')
		.replace(/\t/g, '&#9;')
		.replace(/\n/g, '&#10;')
		.replace(/\r/g, '&#13;');
}

export type Attributes = Record<string, string | number | null | undefined>;

function attributes(attrs: Attributes): string {
	return Object.entries(attrs)
		.filter(([, v]) => v !== null && v !== undefined)
		.map(([k, v]) => ` ${k}="${attr(v!)}"`)
		.join('');
}

/** `<name attrs>content</name>`; `children` is markup already escaped (from `el` or `text`). */
export function el(name: string, attrs: Attributes = {}, children: string | string[] = ''): string {
	const inner = Array.isArray(children) ? children.join('') : children;
	return inner === ''
		? `<${name}${attributes(attrs)}/>`
		: `<${name}${attributes(attrs)}>${inner}</${name}>`;
}

/** An element holding only text (escaped here). */
export function leaf(name: string, value: string | number, attrs: Attributes = {}): string {
	return `<${name}${attributes(attrs)}>${text(value)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** UTC to the second, as Atom, sitemaps and OAI-PMH want it: 2026-12-07T10:55:22Z. */
export function utcSeconds(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
