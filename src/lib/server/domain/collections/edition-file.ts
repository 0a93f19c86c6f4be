import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { editionFileInput, type EditionFileInput } from './input';
import { readableEdition } from './queries';

/** The compiled DOCX or PDF of an edition: its blob and a file name for the download. */
export async function editionFile(
	{ db, actor }: Ctx,
	input: EditionFileInput
): Promise<{ key: string; size: number; title: string; number: number }> {
	const { edition, collection } = await readableEdition(
		db,
		actor,
		input.groupId,
		input.collectionId,
		input.number
	);
	const { format } = validate(editionFileInput, input);
	const key = format === 'docx' ? edition.docxKey : edition.pdfKey;
	const size = format === 'docx' ? edition.docxSize : edition.pdfSize;
	if (!key || size === null) throw new AppError('conflict', 'error_edition_not_ready');
	return { key, size: Number(size), title: collection.title, number: Number(edition.number) };
}
