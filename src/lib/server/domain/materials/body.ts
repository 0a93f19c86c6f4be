import { createHash } from 'node:crypto';
import type { DB } from '../../db/types';
import { collectDataImages, replaceImageSources, sniffImageType } from '../../richtext/images';
import { htmlToText, plainTextToHtml } from '../../richtext/sanitize';
import type { BlobStore } from '../../storage/types';
import { ValidationError } from '../../validation';
import { MAX_BODY_TEXT_CHARS } from './input';

// The body of a material: sanitized HTML whose pictures live in the file store and are
// served only through this material's own image route.

/** The address of a body picture; the sanitizer allows exactly this shape. */
export function imageUrl(groupId: string, materialId: string, key: string): string {
	return `/groups/${groupId}/materials/${materialId}/images/${key}`;
}

/** Stores one body picture for the material and returns its address. */
export async function storeBodyImage(
	db: DB,
	files: BlobStore,
	target: { groupId: string; materialId: string },
	bytes: Uint8Array,
	now: Date
): Promise<string | null> {
	// The picture's real type by its first bytes, whatever the data: URI or Word claimed.
	const mime = sniffImageType(bytes);
	if (!mime) return null;
	const key = createHash('sha256').update(bytes).digest('hex');
	await files.putBytes(key, bytes, mime);
	await db
		.insertInto('materialImages')
		.values({
			materialId: target.materialId,
			blobKey: key,
			mime,
			size: bytes.length,
			createdAt: now
		})
		.onConflict((oc) => oc.columns(['materialId', 'blobKey']).doNothing())
		.execute();
	return imageUrl(target.groupId, target.materialId, key);
}

/** Stores the pictures a Word import or the editor produced and points the HTML at them. */
export async function storeImages(
	db: DB,
	files: BlobStore,
	target: { groupId: string; materialId: string },
	html: string,
	images: { placeholder: string; bytes: Uint8Array }[],
	now: Date
): Promise<string> {
	const urls = new Map<string, string | null>();
	for (const image of images)
		urls.set(image.placeholder, await storeBodyImage(db, files, target, image.bytes, now));
	return replaceImageSources(html, (src) => urls.get(src) ?? src);
}

/**
 * Turns what the form sent into the stored body: plain text or HTML, sanitized; pasted
 * pictures stored; pictures that are not this material's own dropped.
 */
export async function prepareBody(
	db: DB,
	files: BlobStore,
	target: { groupId: string; materialId: string },
	raw: string,
	now: Date
): Promise<{ html: string; text: string }> {
	const collected = collectDataImages(plainTextToHtml(raw));
	if (collected.html.length > MAX_BODY_TEXT_CHARS)
		throw new ValidationError([
			{ field: 'body', key: 'error_too_long', params: { max: MAX_BODY_TEXT_CHARS } }
		]);
	let html = await storeImages(db, files, target, collected.html, collected.images, now);
	const own = await db
		.selectFrom('materialImages')
		.select('blobKey')
		.where('materialId', '=', target.materialId)
		.execute();
	const allowed = new Set(own.map((r) => imageUrl(target.groupId, target.materialId, r.blobKey)));
	html = replaceImageSources(html, (src) => (allowed.has(src) ? src : null));
	return { html, text: htmlToText(html) };
}
