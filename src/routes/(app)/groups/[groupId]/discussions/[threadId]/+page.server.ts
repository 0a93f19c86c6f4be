import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { addPost } from '$lib/server/domain/discussions/add-post';
import { editPost } from '$lib/server/domain/discussions/edit-post';
import { getThread } from '$lib/server/domain/discussions/get-thread';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { discussionView } from '$lib/server/web/proposal-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const thread = await orHttpError(getThread(database(), actor, params.groupId, params.threadId));
	// A proposal's discussion lives on the proposal's page, beside what is discussed.
	if (thread.proposalId)
		redirect(303, `/groups/${params.groupId}/proposals/${thread.proposalId}#discussion`);
	return { thread: discussionView(thread, url, locals.locale, config().timeZone) };
};

/** Back to the thread at the post: after a post or an edit, with or without JavaScript. */
const toPost = (params: { groupId: string; threadId: string }, postId: string) =>
	`/groups/${params.groupId}/discussions/${params.threadId}#post-${postId}`;

export const actions: Actions = {
	post: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const posted = await runForm(request, (values) =>
			addPost(database(), actor, params.groupId, params.threadId, values)
		);
		if ('postId' in posted) redirect(303, toPost(params, posted.postId));
		return posted;
	},
	edit: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const edited = await runForm(request, async (values) => {
			await editPost(database(), actor, params.groupId, params.threadId, values);
			return { postId: String(values.postId) };
		});
		if ('postId' in edited) redirect(303, toPost(params, edited.postId));
		return edited;
	}
};
