import { database } from '$lib/server/db';
import { addSubject } from '$lib/server/domain/subjects/add-subject';
import { listSubjectNames } from '$lib/server/domain/subjects/list-subjects';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireActor(locals);
	const subjects = await listSubjectNames(database());
	return {
		subjects: subjects.map((s) => ({ id: s.id, ky: s.nameKy, ru: s.nameRu, en: s.nameEn }))
	};
};

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await addSubject(database(), actor, values);
			return { added: true as const };
		});
	}
};
