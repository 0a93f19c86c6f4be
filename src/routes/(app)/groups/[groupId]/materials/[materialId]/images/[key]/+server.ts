import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { getBodyImage } from '$lib/server/domain/materials/get-attachment';
import { fileResponse } from '$lib/server/files/download';
import { BLOB_KEY } from '$lib/server/storage/types';
import { fileStore } from '$lib/server/storage';
import { requireActor } from '$lib/server/web/denied';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** A picture of a material's body, to those who may see the material. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const actor = requireActor(locals);
	if (!BLOB_KEY.test(params.key) || params.key.includes('.')) error(404);
	const image = await orHttpError(
		getBodyImage(database(), actor, params.groupId, params.materialId, params.key)
	);
	return fileResponse(fileStore(), image.blobKey, {
		name: `${image.blobKey.slice(0, 12)}.${image.mime.split('/')[1]}`,
		mime: image.mime,
		size: image.size,
		inline: true
	});
};
