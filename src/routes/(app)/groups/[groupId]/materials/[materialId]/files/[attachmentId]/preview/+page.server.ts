import { asId, type AttachmentId, type GroupId, type MaterialId } from '$lib/server/domain/ids';
import { previewAttachment } from '$lib/server/domain/materials/preview-attachment';
import { AppError } from '$lib/server/errors';
import { actorCtx } from '$lib/server/web/context';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	const preview = await orHttpError(
		previewAttachment(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			materialId: asId<MaterialId>(params.materialId),
			attachmentId: asId<AttachmentId>(params.attachmentId)
		}).catch((error: unknown) => {
			// Over the conversion quota, or the worker's queue is full: say when to come back.
			if (error instanceof AppError && error.retryAfterSeconds)
				setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
			throw error;
		})
	);
	return {
		file: { id: preview.attachment.id, name: preview.attachment.name },
		materialId: params.materialId,
		html: preview.html,
		warnings: preview.warnings.map((w) => translate(w.key, w.params)),
		refusal: preview.refusal ? translate(preview.refusal.key, preview.refusal.params) : null
	};
};
