import { sanitizeWithImages } from './sanitize';

/** The largest image (decoded) a body may carry. */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/** An image taken out of a body; its <img> points at `placeholder` until it is stored. */
export interface BodyImage {
	placeholder: string;
	contentType: ImageType;
	bytes: Uint8Array;
}

const PLACEHOLDER_PREFIX = 'ustat-image:';
const DATA_URI = /^data:image\/(png|jpeg|gif|webp);base64,([A-Za-z0-9+/]+={0,2})$/;

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
	return prefix.every((byte, i) => bytes[at + i] === byte);
}

/** The image type the bytes really are (by their signature), or null if none we accept. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
	// RIFF....WEBP
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
		return 'image/webp';
	return null;
}

/** The placeholder for image number `n` (1-based). */
export function imagePlaceholder(n: number): string {
	return `${PLACEHOLDER_PREFIX}${n}`;
}

/** The highest placeholder number already in `html`, so new ones do not collide with it. */
function lastPlaceholder(html: string): number {
	let last = 0;
	for (const match of html.matchAll(/ustat-image:(\d{1,6})/g))
		last = Math.max(last, Number(match[1]));
	return last;
}

/**
 * Takes the inline `data:image/...;base64` images out of a body (as pasted into the editor):
 * each becomes a placeholder `ustat-image:<n>` and its decoded bytes are returned for storage.
 * Images over IMAGE_MAX_BYTES, with broken base64, or whose bytes are not the declared kind
 * of image are dropped and counted. The returned HTML is sanitized.
 */
export function collectDataImages(html: string): {
	html: string;
	images: BodyImage[];
	dropped: number;
} {
	const images: BodyImage[] = [];
	let next = lastPlaceholder(html);
	let dropped = 0;
	const out = sanitizeWithImages(html, (src) => {
		const match = DATA_URI.exec(src);
		if (!match) return src;
		const base64 = match[2] ?? '';
		// Check the size before decoding, so an oversized image is never held twice.
		if (base64.length % 4 !== 0 || (base64.length / 4) * 3 > IMAGE_MAX_BYTES + 2) {
			dropped++;
			return null;
		}
		const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
		const contentType = sniffImageType(bytes);
		if (
			bytes.length > IMAGE_MAX_BYTES ||
			contentType === null ||
			contentType !== `image/${match[1]}`
		) {
			dropped++;
			return null;
		}
		const placeholder = imagePlaceholder(++next);
		images.push({ placeholder, contentType, bytes });
		return placeholder;
	});
	return { html: out, images, dropped };
}

/**
 * Rewrites the src of every image in a body: `map` gets each (allowed) source and returns the
 * new one, or null to drop the image. A new source that is not an allowed one drops the image
 * too. The returned HTML is sanitized.
 */
export function replaceImageSources(html: string, map: (src: string) => string | null): string {
	return sanitizeWithImages(html, map);
}
