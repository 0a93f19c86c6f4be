import { error } from '@sveltejs/kit';
import { asId, type AttachmentId, type GroupId, type MaterialId } from '$lib/server/domain/ids';
import { getAttachment } from '$lib/server/domain/materials/get-attachment';
import { fileResponse } from '$lib/server/files/download';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** Downloads an attachment; `?view=inline` opens a PDF, picture or recording in the browser. */
export const GET: RequestHandler = async ({ locals, params, url, request }) => {
	const ctx = actorCtx(locals);
	const file = await orHttpError(
		getAttachment(ctx, {
			groupId: asId<GroupId>(params.groupId),
			materialId: asId<MaterialId>(params.materialId),
			attachmentId: asId<AttachmentId>(params.attachmentId)
		})
	);
	const store = ctx.store;
	const view = url.searchParams.get('view');
	if (view === 'thumb') {
		if (!file.hasThumbnail) error(404);
		const key = `${file.blobKey}.thumb`;
		const size = (await store.size(key)) ?? 0;
		return fileResponse(store, key, {
			name: `${file.name}.webp`,
			mime: 'image/webp',
			size,
			inline: true
		});
	}
	return fileResponse(store, file.blobKey, {
		name: file.name,
		mime: file.mime,
		size: file.size,
		inline: view === 'inline' && file.isViewable,
		rangeHeader: request.headers.get('range')
	});
};
