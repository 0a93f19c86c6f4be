import { asId, type GroupId } from '$lib/server/domain/ids';
import { assertCanCreate } from '$lib/server/domain/materials/assert-can-create';
import { createMaterial } from '$lib/server/domain/materials/create-material';
import { getNewMaterialForm } from '$lib/server/domain/materials/get-new-material-form';
import { createMaterialInput } from '$lib/server/domain/materials/input';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { redirectConfirmed } from '$lib/server/web/form-results';
import { runFormChecked } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { materialFormOptions, materialFormValues } from '$lib/server/web/material-form';
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
		defaults: { language: locals.locale, type: 'lesson_plan' }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params } = event;
		const ctx = actorCtx(locals);
		const groupId = asId<GroupId>(params.groupId);
		// Redirected from inside: the post is answered with the new material's page (and the
		// confirmation), never with the redirect back to this form that a post without
		// JavaScript gets after a success (form-results.ts).
		return runFormChecked(
			event,
			() => assertCanCreate(ctx, { groupId }),
			async (values) => {
				const created = await createMaterial(
					ctx,
					formInput(createMaterialInput, materialFormValues(values), { groupId })
				);
				return redirectConfirmed(
					event,
					`/groups/${groupId}/materials/${created.materialId}?created=1`,
					'material_created'
				);
			}
		);
	}
};
