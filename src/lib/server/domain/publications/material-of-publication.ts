import { z } from 'zod';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { ViewerCtx } from '../context';
import { materialFile } from '../material-documents/material-file';
import { materialDocumentModel } from '../material-documents/model';
import { publicationCode } from './input';
import { readablePublication } from './readable';
import type { Locale } from './subjects';

// A published material, read by the publication's audience at the version that was
// published (never a later one): its print view, pictures and its own DOCX and PDF.

const materialFileInput = z.object({ code: publicationCode, format: z.enum(['docx', 'pdf']) });
export type PublicationMaterialFileInput = z.input<typeof materialFileInput>;

async function publishedVersion(ctx: ViewerCtx, code: string) {
	const publication = await readablePublication(ctx, code);
	if (publication.materialId === null || publication.materialVersion === null)
		throw new AppError('not_found', 'error_publication_not_found');
	return { materialId: publication.materialId, versionNumber: Number(publication.materialVersion) };
}

/** The published version's DOCX or PDF (rendered once, off the request thread). */
export async function publicationMaterialFile(ctx: ViewerCtx, input: PublicationMaterialFileInput) {
	const version = await publishedVersion(ctx, input.code);
	const { format } = validate(materialFileInput, input);
	return materialFile(ctx, { ...version, format });
}

/** The published version as a document to read or print, its labels in `locale`. */
export async function publicationMaterial(ctx: ViewerCtx, input: { code: string; locale: Locale }) {
	const version = await publishedVersion(ctx, input.code);
	return materialDocumentModel(ctx.db, { ...version, locale: input.locale });
}

/** A picture of the published version: only one its body uses. */
export async function publicationMaterialImage(
	ctx: ViewerCtx,
	input: { code: string; key: string; locale: Locale }
) {
	const model = await publicationMaterial(ctx, input);
	const image = model.images.find((i) => i.key === input.key);
	if (!image) throw new AppError('not_found', 'error_not_found');
	return image;
}
