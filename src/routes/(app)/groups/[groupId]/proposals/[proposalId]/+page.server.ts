import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { addPost } from '$lib/server/domain/discussions/add-post';
import { editPost } from '$lib/server/domain/discussions/edit-post';
import { isViewable } from '$lib/server/domain/materials/get-attachment';
import { analyzeProposal } from '$lib/server/domain/proposals/analyze-proposal';
import { getProposal, proposalThreadId } from '$lib/server/domain/proposals/get-proposal';
import { putToDiscussion } from '$lib/server/domain/proposals/put-to-discussion';
import { returnProposal } from '$lib/server/domain/proposals/return-proposal';
import { withdrawProposal } from '$lib/server/domain/proposals/withdraw-proposal';
import { formatDateTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
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
	const actor = requireActor(locals);
	const { timeZone } = config();
	const locale = locals.locale;
	const view = await orHttpError(getProposal(database(), actor, params.groupId, params.proposalId));
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

export const actions: Actions = {
	analyze: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await analyzeProposal(database(), actor, params.groupId, params.proposalId, values);
			return { analyzed: true as const };
		});
	},
	discuss: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async () => {
			await putToDiscussion(database(), actor, params.groupId, params.proposalId);
			return { discussed: true as const };
		});
	},
	return: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await returnProposal(database(), actor, params.groupId, params.proposalId, values);
			return { returned: true as const };
		});
	},
	withdraw: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async () => {
			await withdrawProposal(database(), actor, params.groupId, params.proposalId);
			return { withdrawn: true as const };
		});
	},
	post: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const db = database();
		const posted = await runForm(request, async (values) =>
			addPost(
				db,
				actor,
				params.groupId,
				await proposalThreadId(db, actor, params.groupId, params.proposalId),
				values
			)
		);
		if ('postId' in posted) redirect(303, toPost(params, posted.postId));
		return posted;
	},
	edit: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const db = database();
		const edited = await runForm(request, async (values) => {
			await editPost(
				db,
				actor,
				params.groupId,
				await proposalThreadId(db, actor, params.groupId, params.proposalId),
				values
			);
			return { postId: String(values.postId) };
		});
		if ('postId' in edited) redirect(303, toPost(params, edited.postId));
		return edited;
	}
};
