import { database } from '$lib/server/db';
import { editionImage } from '$lib/server/domain/collections/edition-files';
import { fileResponse } from '$lib/server/files/download';
import { fileStore } from '$lib/server/storage';
import { requireActor } from '$lib/server/web/denied';
import { editionNumber } from '$lib/server/web/edition-number';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** A picture of the web edition (only one of the pictures its content uses). */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const actor = requireActor(locals);
	const image = await orHttpError(
		editionImage(
			database(),
			actor,
			params.groupId,
			params.collectionId,
			editionNumber(params.number),
			params.key
		)
	);
	const size = await fileStore().size(image.key);
	return fileResponse(fileStore(), image.key, {
		name: image.key,
		mime: image.mime,
		size: size ?? 0,
		inline: true,
		rangeHeader: request.headers.get('range')
	});
};
