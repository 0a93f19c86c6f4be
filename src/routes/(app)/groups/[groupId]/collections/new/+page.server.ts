import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { createCollection } from '$lib/server/domain/collections/create-collection';
import { getCollectionForm } from '$lib/server/domain/collections/get-collection-form';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const form = await orHttpError(getCollectionForm(database(), actor, params.groupId));
	return {
		members: form.members,
		defaults: {
			title: '',
			subtitle: '',
			year: String(new Date().getFullYear()),
			language: locals.locale,
			city: form.city,
			approvalNote: '',
			preface: '',
			reviewers: '',
			editors: [] as string[]
		} as Record<string, unknown>
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const created = await runForm(request, (values) =>
			createCollection(database(), actor, params.groupId, values)
		);
		if ('collectionId' in created)
			redirect(303, `/groups/${params.groupId}/collections/${created.collectionId}`);
		return created;
	}
};
