import { getMaterialPrint } from '$lib/server/domain/material-documents/get-material-print';
import { materialPrintView } from '$lib/server/domain/material-documents/print-view';
import { asId, type GroupId, type MaterialId } from '$lib/server/domain/ids';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { PageServerLoad } from './$types';

// A document to print: no JavaScript, no app chrome (the root layout drops it for `bare`).
export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	const model = await orHttpError(
		getMaterialPrint(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			materialId: asId<MaterialId>(params.materialId)
		})
	);
	const base = `/groups/${params.groupId}/materials/${params.materialId}`;
	return {
		bare: true as const,
		base,
		view: materialPrintView(model, (key) => `${base}/images/${key}`)
	};
};
