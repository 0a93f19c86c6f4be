import { createCollection } from '$lib/server/domain/collections/create-collection';
import { getCollectionForm } from '$lib/server/domain/collections/get-collection-form';
import { createCollectionInput } from '$lib/server/domain/collections/input';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { collectionFormInput } from '$lib/server/web/collection-views';
import { actorCtx } from '$lib/server/web/context';
import { redirectConfirmed } from '$lib/server/web/form-results';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const form = await orHttpError(
		getCollectionForm(actorCtx(locals), { groupId: asId<GroupId>(params.groupId) })
	);
	return {
		members: form.members,
		leader: form.leader,
		defaults: {
			title: '',
			subtitle: '',
			year: String(new Date().getFullYear()),
			language: locals.locale,
			city: form.city,
			approvalNote: '',
			approvalBody: 'group',
			approvalProtocol: '',
			approvalDate: '',
			itemsFlow: 'page',
			preface: '',
			reviewers: '',
			editors: [] as string[]
		} as Record<string, unknown>
	};
};

export const actions: Actions = {
	default: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		// Redirected from inside: the new collection's page answers, with its confirmation.
		return runForm(event, async (values) => {
			const created = await createCollection(
				ctx,
				collectionFormInput(createCollectionInput, values, { groupId })
			);
			return redirectConfirmed(
				event,
				`/groups/${groupId}/collections/${created.collectionId}`,
				'work_collection_created'
			);
		});
	}
};
