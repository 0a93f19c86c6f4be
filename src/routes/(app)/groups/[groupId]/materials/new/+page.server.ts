import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { assertCanCreate } from '$lib/server/domain/materials/assert-can-create';
import { MAX_ATTACHMENTS } from '$lib/server/domain/materials/attach-files';
import { createMaterialWithFiles } from '$lib/server/domain/materials/create-material-with-files';
import { getNewMaterialForm } from '$lib/server/domain/materials/get-new-material-form';
import { createMaterialInput, MAX_BODY_CHARS } from '$lib/server/domain/materials/input';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { redirectConfirmed, redirectWithResult } from '$lib/server/web/form-results';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import { materialFormOptions, materialFormValues } from '$lib/server/web/material-form';
import { runUpload } from '$lib/server/web/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = actorCtx(locals);
	const form = await orHttpError(
		getNewMaterialForm(ctx, { groupId: asId<GroupId>(params.groupId) })
	);
	return {
		options: materialFormOptions(
			await listSubjects(ctx, { locale: locals.locale }),
			form.members,
			locals.locale
		),
		defaults: { language: locals.locale, type: 'lesson_plan' },
		convertsLegacy: config().libreOffice !== undefined,
		maxFileMb: Math.round(config().maxFileBytes / 1024 / 1024)
	};
};

export const actions: Actions = {
	// One multipart post, with or without JavaScript: the fields, a Word file to start the
	// body from (`docx`) and files to attach (`files`). Redirected from inside: to the editor
	// with the import's report, to the page of a .doc being converted, or to the material.
	default: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		return runUpload(
			event,
			() => assertCanCreate(ctx, { groupId }),
			async (values, files) => {
				const created = await createMaterialWithFiles(ctx, {
					...formInput(createMaterialInput, materialFormValues(values), { groupId }),
					word: files.find((f) => f.field === 'docx') ?? null,
					files: files.filter((f) => f.field === 'files'),
					maxGroupBytes: config().maxGroupFilesBytes,
					convertsLegacy: config().libreOffice !== undefined
				});
				const material = `/groups/${groupId}/materials/${created.materialId}`;
				const { body } = created;
				if (body.from === 'docx')
					return redirectWithResult(event, `${material}/edit`, {
						imported: true,
						warnings: body.warnings.map((w) => translate(w.key, w.params))
					});
				if (body.from === 'doc')
					redirect(303, `/groups/${groupId}/materials/new/word/${body.jobId}`);
				return redirectConfirmed(event, `${material}?created=1`, 'material_created');
			},
			// The Word file and the attachments; a typed body may carry pasted pictures.
			{ maxFiles: MAX_ATTACHMENTS + 1, maxFieldBytes: MAX_BODY_CHARS }
		);
	}
};
