import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { addPost } from '$lib/server/domain/discussions/add-post';
import { editPost } from '$lib/server/domain/discussions/edit-post';
import { addPostInput, editPostInput } from '$lib/server/domain/discussions/input';
import { asId, type GroupId, type ProposalId } from '$lib/server/domain/ids';
import { isViewable } from '$lib/server/domain/materials/get-attachment';
import { analyzeProposal } from '$lib/server/domain/proposals/analyze-proposal';
import { getProposal, proposalThreadId } from '$lib/server/domain/proposals/get-proposal';
import { analyzeProposalInput, returnProposalInput } from '$lib/server/domain/proposals/input';
import { putToDiscussion } from '$lib/server/domain/proposals/put-to-discussion';
import { returnProposal } from '$lib/server/domain/proposals/return-proposal';
import { withdrawProposal } from '$lib/server/domain/proposals/withdraw-proposal';
import { formatDateTime } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { fileSize } from '$lib/server/web/material-views';
import {
	discussionView,
	proposalEventName,
	proposalKindName,
	proposalStatusName,
	proposalStatusTone,
	voteStatusName
} from '$lib/server/web/proposal-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { timeZone } = config();
	const locale = locals.locale;
	const view = await orHttpError(getProposal(actorCtx(locals), proposalOf(params)));
	const { proposal } = view;
	const base = `/groups/${params.groupId}/proposals/${params.proposalId}`;
	return {
		created: url.searchParams.has('created'),
		proposal: {
			id: proposal.id,
			number: Number(proposal.number),
			title: proposal.title,
			kind: proposalKindName(proposal.kind),
			status: proposal.status,
			statusName: proposalStatusName(proposal.status),
			statusTone: proposalStatusTone(proposal.status),
			body: proposal.body,
			authorName: view.authorName,
			createdAt: formatDateTime(proposal.createdAt, locale, timeZone)
		},
		analysis: proposal.analysis
			? {
					text: proposal.analysis,
					by: view.analyzedByName,
					at: proposal.analyzedAt ? formatDateTime(proposal.analyzedAt, locale, timeZone) : null
				}
			: null,
		history: view.history.map((e, i) => ({
			id: i,
			text: proposalEventName(e.to),
			actorName: e.actorName,
			reason: e.reason,
			at: formatDateTime(e.at, locale, timeZone)
		})),
		attachments: view.attachments.map((a) => ({
			id: a.id,
			name: a.name,
			size: fileSize(a.size, locale),
			href: `${base}/files/${a.id}`,
			inline: isViewable(a.kind)
		})),
		votes: view.votes.map((v) => ({
			id: v.id,
			number: v.number,
			question: v.question,
			status: voteStatusName(v.status),
			isOpen: v.status === 'open'
		})),
		can: view.can,
		thread: discussionView(view.thread, url, locale, timeZone)
	};
};

/** Back to the proposal's page at the post: after a post or an edit, with or without JavaScript. */
const toPost = (params: { groupId: string; proposalId: string }, postId: string) =>
	`/groups/${params.groupId}/proposals/${params.proposalId}#post-${postId}`;

/** The proposal the page is about, from its address. */
const proposalOf = (params: { groupId: string; proposalId: string }) => ({
	groupId: asId<GroupId>(params.groupId),
	proposalId: asId<ProposalId>(params.proposalId)
});

export const actions: Actions = {
	analyze: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, async (values) => {
			await analyzeProposal(ctx, formInput(analyzeProposalInput, values, proposalOf(event.params)));
			return { analyzed: true as const };
		});
	},
	discuss: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, async () => {
			await putToDiscussion(ctx, proposalOf(event.params));
			return { discussed: true as const };
		});
	},
	return: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, async (values) => {
			await returnProposal(ctx, formInput(returnProposalInput, values, proposalOf(event.params)));
			return { returned: true as const };
		});
	},
	withdraw: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, async () => {
			await withdrawProposal(ctx, proposalOf(event.params));
			return { withdrawn: true as const };
		});
	},
	post: async (event) => {
		const ctx = actorCtx(event.locals);
		const proposal = proposalOf(event.params);
		const posted = await runForm(event, async (values) =>
			addPost(
				ctx,
				formInput(addPostInput, values, {
					groupId: proposal.groupId,
					threadId: await proposalThreadId(ctx, proposal)
				})
			)
		);
		if ('postId' in posted) redirect(303, toPost(event.params, posted.postId));
		return posted;
	},
	edit: async (event) => {
		const ctx = actorCtx(event.locals);
		const proposal = proposalOf(event.params);
		const edited = await runForm(
			event,
			async (values) => {
				const input = formInput(editPostInput, values, {
					groupId: proposal.groupId,
					threadId: await proposalThreadId(ctx, proposal)
				});
				await editPost(ctx, input);
				return { postId: String(input.postId) };
			},
			{ id: 'postId' }
		);
		if ('postId' in edited) redirect(303, toPost(event.params, edited.postId));
		return edited;
	}
};
