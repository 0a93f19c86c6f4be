import { error } from '@sveltejs/kit';
import { asId, type GroupId, type MaterialId } from '$lib/server/domain/ids';
import { getBodyImage } from '$lib/server/domain/materials/get-body-image';
import { fileResponse } from '$lib/server/files/download';
import { BLOB_KEY } from '$lib/server/storage/types';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** A picture of a material's body, to those who may see the material. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const ctx = actorCtx(locals);
	if (!BLOB_KEY.test(params.key) || params.key.includes('.')) error(404);
	const image = await orHttpError(
		getBodyImage(ctx, {
			groupId: asId<GroupId>(params.groupId),
			materialId: asId<MaterialId>(params.materialId),
			key: params.key
		})
	);
	return fileResponse(ctx.store, image.blobKey, {
		name: `${image.blobKey.slice(0, 12)}.${image.mime.split('/')[1]}`,
		mime: image.mime,
		size: image.size,
		inline: true
	});
};
