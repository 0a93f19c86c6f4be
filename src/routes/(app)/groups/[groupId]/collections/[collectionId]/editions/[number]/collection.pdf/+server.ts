import { editionFile } from '$lib/server/domain/collections/edition-file';
import { asId, type CollectionId, type GroupId } from '$lib/server/domain/ids';
import { fileResponse } from '$lib/server/files/download';
import { actorCtx } from '$lib/server/web/context';
import { editionNumber } from '$lib/server/web/edition-number';
import { editionFileName } from '$lib/server/web/collection-views';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** The edition's compiled PDF, as it was made (editions never change). */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const ctx = actorCtx(locals);
	const file = await orHttpError(
		editionFile(ctx, {
			groupId: asId<GroupId>(params.groupId),
			collectionId: asId<CollectionId>(params.collectionId),
			number: editionNumber(params.number),
			format: 'pdf'
		})
	);
	return fileResponse(ctx.store, file.key, {
		name: editionFileName(file.title, file.number, 'pdf'),
		mime: 'application/pdf',
		size: file.size,
		inline: false,
		rangeHeader: request.headers.get('range')
	});
};
