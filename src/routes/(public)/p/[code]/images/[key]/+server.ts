import { publicationEditionImage } from '$lib/server/domain/publications/edition-of-publication';
import { publicationMaterialImage } from '$lib/server/domain/publications/material-of-publication';
import { publicationKind } from '$lib/server/domain/publications/queries';
import { fileResponse } from '$lib/server/files/download';
import { viewerCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** A picture of a published edition or material (only one its content uses). */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const ctx = viewerCtx(locals);
	const input = { code: params.code, key: params.key, locale: locals.locale };
	const image = await orHttpError(
		publicationKind(ctx, params.code).then((kind) =>
			kind === 'material'
				? publicationMaterialImage(ctx, input)
				: publicationEditionImage(ctx, input)
		)
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
