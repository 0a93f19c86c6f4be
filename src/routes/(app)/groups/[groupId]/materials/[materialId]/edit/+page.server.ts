import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { assertCanEdit, getMaterialForEdit } from '$lib/server/domain/materials/get-material-form';
import { importWord } from '$lib/server/domain/materials/import-word';
import { updateMaterial } from '$lib/server/domain/materials/update-material';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { fileStore } from '$lib/server/storage';
import { requireActor } from '$lib/server/web/denied';
import { runFormChecked } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import { materialFormOptions } from '$lib/server/web/material-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const db = database();
	const form = await orHttpError(getMaterialForEdit(db, actor, params.groupId, params.materialId));
	return {
		material: form.material,
		values: form.values,
		options: materialFormOptions(await listSubjects(db, locals.locale), form.members, locals.locale)
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const db = database();
		const { groupId, materialId } = params;
		const saved = await runFormChecked(
			request,
			() => assertCanEdit(db, actor, groupId, materialId),
			(values) => updateMaterial(db, fileStore(), actor, groupId, materialId, values)
		);
		if ('versionNumber' in saved)
			redirect(303, `/groups/${groupId}/materials/${materialId}?saved=1`);
		return saved;
	},
	// Word import fills the body in the form; everything else typed stays as it was.
	import: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const db = database();
		const { groupId, materialId } = params;
		return runFormChecked(
			request,
			() => assertCanEdit(db, actor, groupId, materialId),
			async (values, data) => {
				const file = data.get('docx');
				const upload =
					file instanceof File && file.size > 0
						? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name }
						: null;
				const result = await importWord(db, fileStore(), actor, groupId, materialId, upload);
				return {
					imported: true as const,
					values: { ...values, body: result.html },
					warnings: result.warnings.map((w) => translate(w.key, w.params))
				};
			}
		);
	}
};
