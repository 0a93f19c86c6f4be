import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { getCollectionForm } from '$lib/server/domain/collections/get-collection-form';
import { updateCollection } from '$lib/server/domain/collections/update-collection';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const form = await orHttpError(
		getCollectionForm(database(), actor, params.groupId, params.collectionId)
	);
	const c = form.collection!;
	return {
		members: form.members,
		collection: { id: c.id, title: c.title },
		defaults: {
			title: c.title,
			subtitle: c.subtitle,
			year: String(c.year),
			language: c.language,
			city: c.city,
			approvalNote: c.approvalNote,
			preface: c.preface,
			reviewers: c.reviewers.join('\n'),
			editors: form.editors
		} as Record<string, unknown>
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const saved = await runForm(request, async (values) => {
			await updateCollection(database(), actor, params.groupId, params.collectionId, values);
			return { saved: true as const };
		});
		if ('saved' in saved)
			redirect(303, `/groups/${params.groupId}/collections/${params.collectionId}?saved=1`);
		return saved;
	}
};
