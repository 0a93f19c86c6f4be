import { z } from 'zod';
import { AppError } from '../../errors';
import type { CollectionModel } from '../../export/collection/model';
import { validate } from '../../validation';
import { editionModel } from '../collections/queries';
import type { ViewerCtx } from '../context';
import { publicationCode } from './input';
import { readablePublication } from './readable';

const editionFileInput = z.object({ code: publicationCode, format: z.enum(['docx', 'pdf']) });
export type PublicationEditionFileInput = z.input<typeof editionFileInput>;

/** A published edition's DOCX or PDF, as it was compiled (editions never change). */
export async function publicationEditionFile(ctx: ViewerCtx, input: PublicationEditionFileInput) {
	const publication = await readablePublication(ctx, input.code);
	const { format } = validate(editionFileInput, input);
	if (publication.editionId === null) throw new AppError('not_found', 'error_not_found');
	const edition = await ctx.db
		.selectFrom('collectionEditions')
		.select(['docxKey', 'docxSize', 'pdfKey', 'pdfSize', 'number'])
		.where('id', '=', publication.editionId)
		.executeTakeFirstOrThrow();
	const key = format === 'docx' ? edition.docxKey : edition.pdfKey;
	const size = format === 'docx' ? edition.docxSize : edition.pdfSize;
	if (!key || size === null) throw new AppError('not_found', 'error_not_found');
	return { key, size: Number(size), title: publication.title, number: Number(edition.number) };
}

/** A published edition read on the web: its frozen content. */
export async function publicationEdition(
	ctx: ViewerCtx,
	input: { code: string }
): Promise<CollectionModel> {
	const publication = await readablePublication(ctx, input.code);
	if (publication.editionId === null)
		throw new AppError('not_found', 'error_publication_not_found');
	return editionModel(ctx.db, publication.editionId);
}

/** A picture of a published edition: only one its content uses. */
export async function publicationEditionImage(
	ctx: ViewerCtx,
	input: { code: string; key: string }
) {
	const model = await publicationEdition(ctx, input);
	const image = model.images.find((i) => i.key === input.key);
	if (!image) throw new AppError('not_found', 'error_not_found');
	return image;
}
