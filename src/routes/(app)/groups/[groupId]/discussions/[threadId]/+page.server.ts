import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { addPost } from '$lib/server/domain/discussions/add-post';
import { editPost } from '$lib/server/domain/discussions/edit-post';
import { getThread } from '$lib/server/domain/discussions/get-thread';
import { addPostInput, editPostInput } from '$lib/server/domain/discussions/input';
import { asId, type GroupId, type ThreadId } from '$lib/server/domain/ids';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { discussionView } from '$lib/server/web/proposal-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const thread = await orHttpError(getThread(actorCtx(locals), threadOf(params)));
	// A proposal's discussion lives on the proposal's page, beside what is discussed.
	if (thread.proposalId)
		redirect(303, `/groups/${params.groupId}/proposals/${thread.proposalId}#discussion`);
	return { thread: discussionView(thread, url, locals.locale, config().timeZone) };
};

/** Back to the thread at the post: after a post or an edit, with or without JavaScript. */
const toPost = (params: { groupId: string; threadId: string }, postId: string) =>
	`/groups/${params.groupId}/discussions/${params.threadId}#post-${postId}`;

/** The thread the page is about, from its address. */
const threadOf = (params: { groupId: string; threadId: string }) => ({
	groupId: asId<GroupId>(params.groupId),
	threadId: asId<ThreadId>(params.threadId)
});

export const actions: Actions = {
	post: async (event) => {
		const ctx = actorCtx(event.locals);
		const posted = await runForm(event, (values) =>
			addPost(ctx, formInput(addPostInput, values, threadOf(event.params)))
		);
		if ('postId' in posted) redirect(303, toPost(event.params, posted.postId));
		return posted;
	},
	edit: async (event) => {
		const ctx = actorCtx(event.locals);
		const edited = await runForm(
			event,
			async (values) => {
				const input = formInput(editPostInput, values, threadOf(event.params));
				await editPost(ctx, input);
				return { postId: String(input.postId) };
			},
			{ id: 'postId' }
		);
		if ('postId' in edited) redirect(303, toPost(event.params, edited.postId));
		return edited;
	}
};
