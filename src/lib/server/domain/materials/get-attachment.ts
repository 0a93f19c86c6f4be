import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { materialAccess } from './queries';

/** Kinds a browser shows safely by itself; everything else is only downloaded. */
const viewable = new Set([
	'pdf',
	'png',
	'jpeg',
	'gif',
	'webp',
	'mp3',
	'm4a',
	'ogg',
	'wav',
	'mp4',
	'webm'
]);

export const isViewable = (kind: string): boolean => viewable.has(kind);

/**
 * One attachment of a material the actor may see, including files removed since (an older
 * version still lists them).
 */
export async function getAttachment(
	db: DB,
	actor: Actor,
	groupId: string,
	materialId: string,
	attachmentId: string
) {
	await materialAccess(db, actor, groupId, materialId);
	const attachment = await db
		.selectFrom('materialAttachments')
		.selectAll()
		.where('id', '=', attachmentId)
		.where('materialId', '=', materialId)
		.executeTakeFirst();
	if (!attachment) throw new AppError('not_found', 'error_attachment_not_found');
	return {
		...attachment,
		size: Number(attachment.size),
		isViewable: isViewable(attachment.kind)
	};
}

/** A picture of the material's body, by its key. */
export async function getBodyImage(
	db: DB,
	actor: Actor,
	groupId: string,
	materialId: string,
	key: string
) {
	await materialAccess(db, actor, groupId, materialId);
	const image = await db
		.selectFrom('materialImages')
		.select(['blobKey', 'mime', 'size'])
		.where('materialId', '=', materialId)
		.where('blobKey', '=', key)
		.executeTakeFirst();
	if (!image) throw new AppError('not_found', 'error_attachment_not_found');
	return { ...image, size: Number(image.size) };
}
