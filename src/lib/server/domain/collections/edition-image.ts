import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { editionImageInput, type EditionImageInput } from './input';
import { editionModel, readableEdition } from './queries';

const editionImages = new Map<string, Map<string, string>>();

/** A picture of the web edition: only one its content uses. */
export async function editionImage(
	{ db, actor }: Ctx,
	input: EditionImageInput
): Promise<{ key: string; mime: string }> {
	const { edition } = await readableEdition(
		db,
		actor,
		input.groupId,
		input.collectionId,
		input.number
	);
	const { key } = validate(editionImageInput, input);
	let images = editionImages.get(edition.id);
	if (!images) {
		const model = await editionModel(db, edition.id);
		images = new Map(model.images.map((i) => [i.key, i.mime]));
		// Editions never change, so their list of pictures can be kept; a page of the web
		// edition asks for each of its pictures, and the model is large.
		if (editionImages.size >= 100) editionImages.delete(editionImages.keys().next().value!);
		editionImages.set(edition.id, images);
	}
	const mime = images.get(key);
	if (!mime) throw new AppError('not_found', 'error_not_found');
	return { key, mime };
}
