import type { RequestEvent } from '@sveltejs/kit';
import { getMaterialFile } from '../domain/material-documents/get-material-file';
import { asId, type GroupId, type MaterialId } from '../domain/ids';
import { fileResponse } from '../files/download';
import { actorCtx } from './context';
import { orHttpError } from './load';

/** The accepted version's DOCX or PDF as a download, made once and kept (a version never changes). */
export async function materialDocument(
	{ locals, params, request }: Pick<RequestEvent, 'locals' | 'params' | 'request'>,
	format: 'docx' | 'pdf'
): Promise<Response> {
	const ctx = actorCtx(locals);
	const file = await orHttpError(
		getMaterialFile(ctx, {
			groupId: asId<GroupId>(params.groupId ?? ''),
			materialId: asId<MaterialId>(params.materialId ?? ''),
			format
		})
	);
	return fileResponse(ctx.store, file.key, {
		name: file.name,
		mime: file.mime,
		size: file.size,
		inline: false,
		rangeHeader: request.headers.get('range')
	});
}
