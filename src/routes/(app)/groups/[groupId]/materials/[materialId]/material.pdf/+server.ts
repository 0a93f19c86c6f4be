import { getMaterialFile } from '$lib/server/domain/material-documents/get-material-file';
import { asId, type GroupId, type MaterialId } from '$lib/server/domain/ids';
import { fileResponse } from '$lib/server/files/download';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** The accepted version's PDF, made once and kept (a version never changes). */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const ctx = actorCtx(locals);
	const file = await orHttpError(
		getMaterialFile(ctx, {
			groupId: asId<GroupId>(params.groupId),
			materialId: asId<MaterialId>(params.materialId),
			format: 'pdf'
		})
	);
	return fileResponse(ctx.store, file.key, {
		name: file.name,
		mime: file.mime,
		size: file.size,
		inline: false,
		rangeHeader: request.headers.get('range')
	});
};
