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

/** A picture of the web edition: only one its content uses. */
export async function editionImage(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	number: number,
	key: string
): Promise<{ key: string; mime: string }> {
	const { model } = await webEdition(db, actor, groupId, collectionId, number);
	const image = model.images.find((i) => i.key === key);
	if (!image) throw new AppError('not_found', 'error_not_found');
	return image;
}
