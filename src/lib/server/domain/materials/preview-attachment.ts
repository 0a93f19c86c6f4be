import { AppError } from '../../errors';
import type { ImportWarning } from '../../richtext/import-docx';
import { convertDocx } from '../../richtext/worker/convert';
import type { Ctx } from '../context';
import { takeConversion } from '../../richtext/conversion-quota';
import { getAttachment } from './get-attachment';
import { MAX_IMPORT_BYTES } from './import-word';
import type { PreviewAttachmentInput } from './input';
import { cachedPreview, storePreview, type CachedPreview } from '../../richtext/preview-cache';

/** Conversions under way, by content: viewers opening the same new file wait for one. */
const converting = new Map<string, Promise<CachedPreview>>();

async function convertAndStore(ctx: Ctx, blobKey: string): Promise<CachedPreview> {
	const stream = await ctx.store.read(blobKey);
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	let preview: CachedPreview;
	try {
		const converted = await convertDocx(new Uint8Array(Buffer.concat(chunks)), 'preview');
		preview = { html: converted.html, warnings: converted.warnings, refusal: null };
	} catch (error) {
		// A refused file (limits, time, memory, unreadable) is remembered, so it costs once;
		// "busy" is not about the file and is not remembered.
		if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
		preview = {
			html: null,
			warnings: [],
			refusal: { key: error.messageKey, ...(error.params ? { params: error.params } : {}) }
		};
	}
	await storePreview(ctx.db, blobKey, preview, ctx.now);
	return preview;
}

/**
 * A Word attachment read in the browser: converted once per file content to sanitized HTML
 * with pictures inline (in the conversion worker), then served from the cache. A conversion
 * counts against the viewer's hourly quota. Larger files are only downloaded.
 */
export async function previewAttachment(
	ctx: Ctx,
	input: PreviewAttachmentInput
): Promise<{
	attachment: Awaited<ReturnType<typeof getAttachment>>;
	html: string | null;
	warnings: ImportWarning[];
	refusal: ImportWarning | null;
}> {
	// Checks access and the input as a download would.
	const attachment = await getAttachment(ctx, input);
	if (attachment.kind !== 'docx') throw new AppError('not_found', 'error_preview_unavailable');
	if (attachment.size > MAX_IMPORT_BYTES)
		return { attachment, html: null, warnings: [], refusal: null };
	// Blobs are stored under their SHA-256, so the key is the content hash.
	const hash = attachment.blobKey;
	let preview = await cachedPreview(ctx.db, hash, ctx.now);
	if (!preview) {
		let pending = converting.get(hash);
		if (!pending) {
			await takeConversion(ctx.db, ctx.actor.id, ctx.now);
			pending = convertAndStore(ctx, hash).finally(() => converting.delete(hash));
			converting.set(hash, pending);
		}
		preview = await pending;
	}
	return { attachment, ...preview };
}
