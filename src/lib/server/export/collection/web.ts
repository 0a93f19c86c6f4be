// An edition's item body for the web page: sanitized again on output (a later change of the
// rules reaches old editions too), and the pictures' `edition-image:KEY` sources become URLs.
import { imagePlaceholder } from '../../richtext/images.js';
import { sanitizeBody } from '../../richtext/sanitize.js';
import { EDITION_IMAGE } from './model.js';

const IMG_TAG = /<img\b[^>]*>/gi;
const EDITION_SRC = new RegExp(`(\\ssrc=")${EDITION_IMAGE}([0-9a-f]{64})"`, 'i');
const PLACEHOLDER_SRC = /(\ssrc=")ustat-image:(\d{1,6})"/g;

function escapeAttribute(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/"/g, '&quot;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

/**
 * The body as the web edition shows it: edition pictures (64 hex digit keys) point at
 * `imageUrl(key)`, escaped; everything else goes through the body sanitizer, which keeps
 * only the picture placeholders it knows, so no other source survives.
 */
export function editionBodyHtml(
	bodyHtml: string,
	imageUrl: (key: string) => string,
	noteScope?: string
): string {
	const keys: string[] = [];
	const marked = bodyHtml.replace(IMG_TAG, (tag) =>
		tag.replace(EDITION_SRC, (_whole, before: string, key: string) => {
			keys.push(key.toLowerCase());
			return `${before}${imagePlaceholder(keys.length)}"`;
		})
	);
	const html = sanitizeBody(marked).replace(PLACEHOLDER_SRC, (whole, before: string, n: string) => {
		const key = keys[Number(n) - 1];
		return key ? `${before}${escapeAttribute(imageUrl(key))}"` : whole;
	});
	return noteScope ? scopeNotes(html, noteScope) : html;
}

const NOTE_TAG = /<(?:a|li)\b[^>]*>/g;
const NOTE_ATTRIBUTE = / (id|href)="(#?)(fn|fnref)-(\d+)"/g;

/**
 * Every body numbers its footnotes from 1 (`fn-1`, `fnref-1`): where several bodies share a
 * page (a web edition), each gets its own prefix so a note's link finds its own note. Only
 * the tags the sanitizer left (text cannot hold a raw `<`), and a scope of [a-z0-9-].
 */
function scopeNotes(html: string, scope: string): string {
	if (!/^[a-z0-9-]{1,20}$/.test(scope)) throw new Error(`bad note scope ${scope}`);
	return html.replace(NOTE_TAG, (tag) =>
		tag.replace(
			NOTE_ATTRIBUTE,
			(_all, name: string, hash: string, kind: string, n: string) =>
				` ${name}="${hash}${scope}-${kind}-${n}"`
		)
	);
}
