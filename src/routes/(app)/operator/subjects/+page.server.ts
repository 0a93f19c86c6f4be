import { addSubject } from '$lib/server/domain/subjects/add-subject';
import { addSubjectInput } from '$lib/server/domain/subjects/input';
import { listSubjectNames } from '$lib/server/domain/subjects/list-subject-names';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const subjects = await listSubjectNames(actorCtx(locals));
	return {
		subjects: subjects.map((s) => ({ id: s.id, ky: s.nameKy, ru: s.nameRu, en: s.nameEn }))
	};
};

export const actions: Actions = {
	add: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, async (values) => {
			await addSubject(ctx, formInput(addSubjectInput, values));
			return { added: true as const };
		});
	}
};
