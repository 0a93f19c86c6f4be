import { AppError } from '../../errors';
import { importDocx } from '../../richtext/import-docx';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { storeImages } from './body';
import { importWordInput, type ImportWordInput } from './input';
import { canEditMaterial } from './policy';
import { assertEditable, materialAccess } from './queries';

/** A Word file to import is read whole (mammoth needs it in memory), so it is bounded. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Fills the body from a Word file: headings, emphasis, lists, tables and pictures are kept,
 * and what could not be imported is listed. Nothing is saved: the authors see the result in
 * the form first, with everything else they typed.
 */
export async function importWord({ db, actor, now, store }: Ctx, input: ImportWordInput) {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
	const { groupId, materialId } = validate(importWordInput, input);
	const upload = input.docx;
	if (!upload || upload.bytes.length === 0)
		throw new AppError('invalid', 'error_file_required', { field: 'docx' });
	if (upload.bytes.length > MAX_IMPORT_BYTES)
		throw new AppError('invalid', 'error_file_too_large', {
			field: 'docx',
			params: { name: upload.name ?? '', max: MAX_IMPORT_BYTES / 1024 / 1024 }
		});
	const imported = await importDocx(upload.bytes);
	const html = await storeImages(
		db,
		store,
		{ groupId, materialId },
		imported.html,
		imported.images,
		now
	);
	return { html, warnings: imported.warnings };
}
