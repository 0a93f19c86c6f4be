import { database } from '$lib/server/db';
import { previewAttachment } from '$lib/server/domain/materials/preview-attachment';
import { fileStore } from '$lib/server/storage';
import { requireActor } from '$lib/server/web/denied';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const preview = await orHttpError(
		previewAttachment(
			database(),
			fileStore(),
			actor,
			params.groupId,
			params.materialId,
			params.attachmentId
		)
	);
	return {
		file: { id: preview.attachment.id, name: preview.attachment.name },
		materialId: params.materialId,
		html: preview.html,
		warnings: preview.warnings.map((w) => translate(w.key, w.params))
	};
};
