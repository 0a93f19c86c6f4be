import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { getBodyImageInput, type GetBodyImageInput } from './input';
import { materialAccess } from './queries';

/** A picture of the material's body, by its key. */
export async function getBodyImage({ db, actor }: Ctx, input: GetBodyImageInput) {
	await materialAccess(db, actor, input.groupId, input.materialId);
	const { materialId, key } = validate(getBodyImageInput, input);
	const image = await db
		.selectFrom('materialImages')
		.select(['blobKey', 'mime', 'size'])
		.where('materialId', '=', materialId)
		.where('blobKey', '=', key)
		.executeTakeFirst();
	if (!image) throw new AppError('not_found', 'error_attachment_not_found');
	return { ...image, size: Number(image.size) };
}
