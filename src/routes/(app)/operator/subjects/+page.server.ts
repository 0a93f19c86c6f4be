import { database } from '$lib/server/db';
import { addSubject } from '$lib/server/domain/subjects/add-subject';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireActor(locals);
	const db = database();
	const [ky, ru, en] = await Promise.all([
		listSubjects(db, 'ky'),
		listSubjects(db, 'ru'),
		listSubjects(db, 'en')
	]);
	return {
		subjects: ky.map((s, i) => ({ id: s.id, ky: s.name, ru: ru[i]!.name, en: en[i]!.name }))
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
