import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { createMaterial } from '$lib/server/domain/materials/create-material';
import {
	assertCanCreate,
	getNewMaterialForm
} from '$lib/server/domain/materials/get-material-form';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { fileStore } from '$lib/server/storage';
import { requireActor } from '$lib/server/web/denied';
import { runFormChecked } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { materialFormOptions } from '$lib/server/web/material-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const db = database();
	const form = await orHttpError(getNewMaterialForm(db, actor, params.groupId));
	return {
		options: materialFormOptions(
			await listSubjects(db, locals.locale),
			form.members,
			locals.locale
		),
		defaults: { language: locals.locale, type: 'lesson_plan' }
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const db = database();
		const created = await runFormChecked(
			request,
			() => assertCanCreate(db, actor, params.groupId),
			(values) => createMaterial(db, fileStore(), actor, params.groupId, values)
		);
		if ('materialId' in created)
			redirect(303, `/groups/${params.groupId}/materials/${created.materialId}?created=1`);
		return created;
	}
};
