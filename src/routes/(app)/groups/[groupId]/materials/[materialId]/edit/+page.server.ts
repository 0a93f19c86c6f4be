import { redirect } from '@sveltejs/kit';
import { asId, type GroupId, type MaterialId } from '$lib/server/domain/ids';
import { assertCanEdit } from '$lib/server/domain/materials/assert-can-edit';
import { getMaterialForEdit } from '$lib/server/domain/materials/get-material-for-edit';
import { importWord } from '$lib/server/domain/materials/import-word';
import { AppError } from '$lib/server/errors';
import { updateMaterialInput } from '$lib/server/domain/materials/input';
import { updateMaterial } from '$lib/server/domain/materials/update-material';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runFormChecked } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import { materialFormOptions, materialFormValues } from '$lib/server/web/material-form';
import type { Actions, PageServerLoad } from './$types';

const idsOf = (params: { groupId: string; materialId: string }) => ({
	groupId: asId<GroupId>(params.groupId),
	materialId: asId<MaterialId>(params.materialId)
});

export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = actorCtx(locals);
	const form = await orHttpError(getMaterialForEdit(ctx, idsOf(params)));
	return {
		material: form.material,
		values: form.values,
		options: materialFormOptions(
			await listSubjects(ctx, { locale: locals.locale }),
			form.members,
			locals.locale
		)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		const saved = await runFormChecked(
			event,
			() => assertCanEdit(ctx, ids),
			(values) =>
				updateMaterial(ctx, formInput(updateMaterialInput, materialFormValues(values), ids))
		);
		if ('versionNumber' in saved)
			redirect(303, `/groups/${ids.groupId}/materials/${ids.materialId}?saved=1`);
		return saved;
	},
	// Word import fills the body in the form; everything else typed stays as it was.
	import: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		return runFormChecked(
			event,
			() => assertCanEdit(ctx, ids),
			async (values, data) => {
				const file = data.get('docx');
				const docx =
					file instanceof File && file.size > 0
						? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name }
						: null;
				const result = await importWord(ctx, { ...ids, docx }).catch((error: unknown) => {
					// Over the conversion quota, or the worker's queue is full: say when to come back.
					if (error instanceof AppError && error.retryAfterSeconds)
						event.setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
					throw error;
				});
				return {
					imported: true as const,
					values: { ...values, body: result.html },
					warnings: result.warnings.map((w) => translate(w.key, w.params))
				};
			}
		);
	}
};
