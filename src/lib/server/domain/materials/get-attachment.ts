import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { getAttachmentInput, type GetAttachmentInput } from './input';
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
export async function getAttachment({ db, actor }: Ctx, input: GetAttachmentInput) {
	await materialAccess(db, actor, input.groupId, input.materialId);
	const { materialId, attachmentId } = validate(getAttachmentInput, input);
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
