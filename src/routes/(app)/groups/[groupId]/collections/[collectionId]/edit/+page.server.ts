import { redirect } from '@sveltejs/kit';
import { getCollectionForm } from '$lib/server/domain/collections/get-collection-form';
import { updateCollectionInput } from '$lib/server/domain/collections/input';
import { updateCollection } from '$lib/server/domain/collections/update-collection';
import { asId, type CollectionId, type GroupId } from '$lib/server/domain/ids';
import { collectionFormInput } from '$lib/server/web/collection-views';
import { actorCtx } from '$lib/server/web/context';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const form = await orHttpError(
		getCollectionForm(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			collectionId: asId<CollectionId>(params.collectionId)
		})
	);
	const c = form.collection!;
	// Each compiler's post: a hidden field names whose, beside the post's own field.
	const people = [form.leader, ...form.members].filter((p) => p !== null).map((p) => p.id);
	return {
		members: form.members,
		leader: form.leader,
		collection: { id: c.id, title: c.title },
		defaults: {
			title: c.title,
			subtitle: c.subtitle,
			year: String(c.year),
			language: c.language,
			city: c.city,
			approvalNote: c.approvalNote,
			approvalBody: c.approvalBody,
			approvalProtocol: c.approvalProtocol,
			approvalDate: c.approvalDate ?? '',
			itemsFlow: c.isItemNewPage ? 'page' : 'flow',
			postUser: people,
			post: people.map((id) => c.editorPosts[id] ?? ''),
			preface: c.preface,
			reviewers: c.reviewers.join('\n'),
			editors: form.editors
		} as Record<string, unknown>
	};
};

export const actions: Actions = {
	default: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = {
			groupId: asId<GroupId>(event.params.groupId),
			collectionId: asId<CollectionId>(event.params.collectionId)
		};
		const saved = await runForm(event, async (values) => {
			await updateCollection(ctx, collectionFormInput(updateCollectionInput, values, ids));
			return { saved: true as const };
		});
		if ('saved' in saved)
			redirect(303, `/groups/${ids.groupId}/collections/${ids.collectionId}?saved=1`);
		return saved;
	}
};
