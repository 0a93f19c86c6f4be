import { getApprobationFile } from '$lib/server/domain/approbations/get-file';
import {
	asId,
	type ApprobationFileId,
	type ApprobationId,
	type GroupId
} from '$lib/server/domain/ids';
import { fileResponse } from '$lib/server/files/download';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** Downloads an evidence file; `?view=inline` opens a PDF or picture in the browser. */
export const GET: RequestHandler = async ({ locals, params, url, request }) => {
	const ctx = actorCtx(locals);
	const file = await orHttpError(
		getApprobationFile(ctx, {
			groupId: asId<GroupId>(params.groupId),
			approbationId: asId<ApprobationId>(params.approbationId),
			fileId: asId<ApprobationFileId>(params.fileId)
		})
	);
	return fileResponse(ctx.store, file.blobKey, {
		name: file.name,
		mime: file.mime,
		size: file.size,
		inline: url.searchParams.get('view') === 'inline' && file.isViewable,
		rangeHeader: request.headers.get('range')
	});
};
