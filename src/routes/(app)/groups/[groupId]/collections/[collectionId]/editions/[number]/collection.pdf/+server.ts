import { database } from '$lib/server/db';
import { editionFile } from '$lib/server/domain/collections/edition-files';
import { fileResponse } from '$lib/server/files/download';
import { fileStore } from '$lib/server/storage';
import { requireActor } from '$lib/server/web/denied';
import { editionNumber } from '$lib/server/web/edition-number';
import { editionFileName } from '$lib/server/web/collection-views';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** The edition's compiled PDF, as it was made (editions never change). */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const actor = requireActor(locals);
	const file = await orHttpError(
		editionFile(
			database(),
			actor,
			params.groupId,
			params.collectionId,
			editionNumber(params.number),
			'pdf'
		)
	);
	return fileResponse(fileStore(), file.key, {
		name: editionFileName(file.title, file.number, 'pdf'),
		mime: 'application/pdf',
		size: file.size,
		inline: false,
		rangeHeader: request.headers.get('range')
	});
};
