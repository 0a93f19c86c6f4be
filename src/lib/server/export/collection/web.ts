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
export function editionBodyHtml(bodyHtml: string, imageUrl: (key: string) => string): string {
	const keys: string[] = [];
	const marked = bodyHtml.replace(IMG_TAG, (tag) =>
		tag.replace(EDITION_SRC, (_whole, before: string, key: string) => {
			keys.push(key.toLowerCase());
			return `${before}${imagePlaceholder(keys.length)}"`;
		})
	);
	return sanitizeBody(marked).replace(PLACEHOLDER_SRC, (whole, before: string, n: string) => {
		const key = keys[Number(n) - 1];
		return key ? `${before}${escapeAttribute(imageUrl(key))}"` : whole;
	});
}
