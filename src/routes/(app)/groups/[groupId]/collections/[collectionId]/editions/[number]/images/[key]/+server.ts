import { editionImage } from '$lib/server/domain/collections/edition-image';
import { asId, type CollectionId, type GroupId } from '$lib/server/domain/ids';
import { fileResponse } from '$lib/server/files/download';
import { actorCtx } from '$lib/server/web/context';
import { editionNumber } from '$lib/server/web/edition-number';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** A picture of the web edition (only one of the pictures its content uses). */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const ctx = actorCtx(locals);
	const image = await orHttpError(
		editionImage(ctx, {
			groupId: asId<GroupId>(params.groupId),
			collectionId: asId<CollectionId>(params.collectionId),
			number: editionNumber(params.number),
			key: params.key
		})
	);
	const size = await ctx.store.size(image.key);
	return fileResponse(ctx.store, image.key, {
		name: image.key,
		mime: image.mime,
		size: size ?? 0,
		inline: true,
		rangeHeader: request.headers.get('range')
	});
};
