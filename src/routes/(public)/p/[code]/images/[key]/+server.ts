import { publicationEditionImage } from '$lib/server/domain/publications/edition-of-publication';
import { fileResponse } from '$lib/server/files/download';
import { viewerCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** A picture of a published edition (only one its content uses). */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const ctx = viewerCtx(locals);
	const image = await orHttpError(
		publicationEditionImage(ctx, { code: params.code, key: params.key })
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
