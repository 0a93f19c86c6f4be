import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import type { BlobStore } from '../../storage/types';
import { convertDocx } from '../../richtext/worker/convert';
import { validate, ValidationError } from '../../validation';
import type { Ctx } from '../context';
import { storeBodyImage } from './body';
import { takeConversion } from '../../richtext/conversion-quota';
import { importWordInput, MAX_BODY_TEXT_CHARS, type ImportWordInput } from './input';
import { canEditMaterial } from './policy';
import { assertEditable, materialAccess } from './queries';

/** A Word file to import is read whole (mammoth needs it in memory), so it is bounded. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The refusal of a Word file larger than an import takes. */
export const importTooLarge = (name = '') =>
	new AppError('invalid', 'error_file_too_large', {
		field: 'docx',
		params: { name, max: MAX_IMPORT_BYTES / 1024 / 1024 }
	});

/**
 * A Word file as a body: sanitized HTML with placeholders for its pictures, and what could
 * not be imported. The caller has checked its size and counted the conversion.
 */
export async function convertWordFile(bytes: Uint8Array) {
	// In the conversion worker, with time and memory limits: never on this thread.
	const imported = await convertDocx(bytes, 'import');
	// The body's own limit, checked on the length alone: this thread never re-parses the HTML.
	if (imported.html.length > MAX_BODY_TEXT_CHARS)
		throw new ValidationError([
			{ field: 'docx', key: 'error_too_long', params: { max: MAX_BODY_TEXT_CHARS } }
		]);
	return imported;
}

/**
 * Fills the body from a Word file: headings, emphasis, lists, tables and pictures are kept,
 * and what could not be imported is listed. Each import counts against the person's hourly
 * conversion quota. Nothing is saved: the authors see the result in
 * the form first, with everything else they typed.
 */
export async function importWord({ db, actor, now, store }: Ctx, input: ImportWordInput) {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
	const { groupId, materialId } = validate(importWordInput, input);
	const upload = input.docx;
	if (!upload || upload.bytes.length === 0)
		throw new AppError('invalid', 'error_file_required', { field: 'docx' });
	if (upload.bytes.length > MAX_IMPORT_BYTES) throw importTooLarge(upload.name);
	await takeConversion(db, actor.id, now);
	const imported = await convertWordFile(upload.bytes);
	const html = await withStoredImages(db, store, { groupId, materialId }, imported, now);
	return { html, warnings: imported.warnings };
}

/** Stores an imported file's pictures for the material and points the HTML at them. */
export async function withStoredImages(
	db: DB,
	store: BlobStore,
	target: { groupId: string; materialId: string },
	imported: { html: string; images: { placeholder: string; bytes: Uint8Array }[] },
	now: Date
): Promise<string> {
	const urls = new Map<string, string | null>();
	for (const image of imported.images)
		urls.set(image.placeholder, await storeBodyImage(db, store, target, image.bytes, now));
	// The worker's HTML is sanitized and writes every source as src="…": swapping each
	// placeholder for the stored picture's own address (an allowed source) keeps it so.
	return imported.html.replace(/ src="(ustat-image:\d{1,6})"/g, (whole, placeholder: string) => {
		const url = urls.get(placeholder);
		return url ? ` src="${url}"` : whole;
	});
}
