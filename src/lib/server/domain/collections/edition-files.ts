import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import type { CollectionModel } from '../../export/collection/model';
import { canReadEdition } from './policy';
import { editionAccess, type EditionAccess } from './queries';

async function readable(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	number: number
): Promise<EditionAccess> {
	const access = await editionAccess(db, actor, groupId, collectionId, number);
	// Seen but not compiled (yet, or it failed): nothing to download.
	if (!canReadEdition(actor, access, access.edition.status))
		throw new AppError('conflict', 'error_edition_not_ready');
	return access;
}

/** The compiled DOCX or PDF of an edition: its blob and a file name for the download. */
export async function editionFile(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	number: number,
	format: 'docx' | 'pdf'
): Promise<{ key: string; size: number; title: string; number: number }> {
	const { edition, collection } = await readable(db, actor, groupId, collectionId, number);
	const key = format === 'docx' ? edition.docxKey : edition.pdfKey;
	const size = format === 'docx' ? edition.docxSize : edition.pdfSize;
	if (!key || size === null) throw new AppError('conflict', 'error_edition_not_ready');
	return { key, size: Number(size), title: collection.title, number: Number(edition.number) };
}

/** The web edition: the frozen content, read whole (it is what the page shows). */
export async function webEdition(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	number: number
): Promise<{ model: CollectionModel; groupName: string }> {
	const { edition, group } = await readable(db, actor, groupId, collectionId, number);
	const row = await db
		.selectFrom('collectionEditions')
		.select('model')
		.where('id', '=', edition.id)
		.executeTakeFirstOrThrow();
	return { model: JSON.parse(row.model) as CollectionModel, groupName: group.name };
}

const editionImages = new Map<string, Map<string, string>>();

/** A picture of the web edition: only one its content uses. */
export async function editionImage(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	number: number,
	key: string
): Promise<{ key: string; mime: string }> {
	const { edition } = await readable(db, actor, groupId, collectionId, number);
	let images = editionImages.get(edition.id);
	if (!images) {
		const { model } = await webEdition(db, actor, groupId, collectionId, number);
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
