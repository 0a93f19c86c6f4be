import { AppError } from '../../errors';
import { importDocx } from '../../richtext/import-docx';
import { replaceImageSources } from '../../richtext/images';
import type { Ctx } from '../context';
import { getAttachment } from './get-attachment';
import { MAX_IMPORT_BYTES } from './import-word';
import type { PreviewAttachmentInput } from './input';

/**
 * A Word attachment read in the browser: converted to sanitized HTML on the fly, pictures
 * inline. Larger files are only downloaded.
 */
export async function previewAttachment(ctx: Ctx, input: PreviewAttachmentInput) {
	// Checks access and the input as a download would.
	const attachment = await getAttachment(ctx, input);
	if (attachment.kind !== 'docx') throw new AppError('not_found', 'error_preview_unavailable');
	if (attachment.size > MAX_IMPORT_BYTES) return { attachment, html: null, warnings: [] };
	const stream = await ctx.store.read(attachment.blobKey);
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	const imported = await importDocx(new Uint8Array(Buffer.concat(chunks)));
	const dataUris = new Map(
		imported.images.map((i) => [
			i.placeholder,
			`data:${i.contentType};base64,${Buffer.from(i.bytes).toString('base64')}`
		])
	);
	return {
		attachment,
		html: replaceImageSources(imported.html, (src) => dataUris.get(src) ?? null),
		warnings: imported.warnings
	};
}
