// An edition's item body for the web page: the pictures' `edition-image:KEY` sources become URLs.
import { EDITION_IMAGE } from './model.js';

const IMG_TAG = /<img\b[^>]*>/gi;
const EDITION_SRC = new RegExp(`(\\ssrc=")${EDITION_IMAGE}([0-9a-f]{64})"`, 'i');

function escapeAttribute(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/"/g, '&quot;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

/**
 * Rewrites the picture sources of a sanitized body (sanitize-html writes attributes in double
 * quotes) to `imageUrl(key)`. Only keys of 64 hex digits are rewritten; the URL is escaped.
 */
export function editionBodyHtml(bodyHtml: string, imageUrl: (key: string) => string): string {
	return bodyHtml.replace(IMG_TAG, (tag) =>
		tag.replace(
			EDITION_SRC,
			(_whole, before: string, key: string) =>
				`${before}${escapeAttribute(imageUrl(key.toLowerCase()))}"`
		)
	);
}
