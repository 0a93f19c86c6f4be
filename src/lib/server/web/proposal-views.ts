import type { ProposalKind, ProposalStatus, VoteStatus } from '../db/types';
import { proposalKinds, proposalStatuses } from '../db/types';
import type { PostNode, ThreadView } from '../domain/discussions/get-thread';
import { formatDateTime } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import type { Face } from '../../faces';
import { faceOf } from './faces';
import { translate } from './i18n';

// How proposals, their statuses and discussions read on a page, in the request's language.

export const proposalKindName = (kind: ProposalKind | string) =>
	translate(`proposal_kind_${kind}` as 'proposal_kind_other');
export const proposalStatusName = (status: ProposalStatus | string) =>
	translate(`proposal_status_${status}` as 'proposal_status_submitted');
export const proposalEventName = (status: ProposalStatus | string) =>
	translate(`proposal_event_${status}` as 'proposal_event_submitted');
export const voteStatusName = (status: VoteStatus) =>
	translate(status === 'open' ? 'proposal_vote_open' : 'proposal_vote_closed');

export const proposalKindOptions = () =>
	proposalKinds.map((value) => ({ value, label: proposalKindName(value) }));
export const proposalStatusOptions = () =>
	proposalStatuses.map((value) => ({ value, label: proposalStatusName(value) }));

/** A status badge's tone: accepted stands out, returned asks for work, ended ones recede. */
export function proposalStatusTone(status: ProposalStatus): string {
	return status === 'accepted'
		? 'ok'
		: status === 'returned'
			? 'warn'
			: status === 'rejected' || status === 'withdrawn'
				? 'off'
				: '';
}

/** A post as the page shows it: dates formatted, the body kept only for its author's edit form. */
export interface PostView {
	id: string;
	authorName: string;
	/** The author's photo or initials (PostItem). */
	author: Face;
	parts: { text: string; mention?: true }[];
	quote: { text: string; authorName: string | null } | null;
	at: string;
	atIso: string;
	editedAt: string | null;
	canEdit: boolean;
	body: string | null;
	replies: PostView[];
}

export interface DiscussionView {
	threadId: string;
	title: string;
	isThreadOpen: boolean;
	canPost: boolean;
	postCount: number;
	posts: PostView[];
	/** Names of the current members, for the "@" hint. */
	mentionable: string[];
	/** From the address (?reply=, ?quote=, ?edit=): links that work without JavaScript. */
	replyTo: string | null;
	quoteOf: string | null;
	editing: string | null;
}

function postView(post: PostNode, locale: Locale, timeZone: string): PostView {
	return {
		id: post.id,
		authorName: post.authorName,
		author: faceOf({
			id: post.authorId,
			fullName: post.authorName,
			photoKey: post.authorPhotoKey,
			photoUpdatedAt: post.authorPhotoUpdatedAt
		}),
		parts: post.parts.map((p) => ('mention' in p ? { text: p.text, mention: true } : p)),
		quote: post.quote,
		at: formatDateTime(post.createdAt, locale, timeZone),
		atIso: post.createdAt.toISOString(),
		editedAt: post.editedAt ? formatDateTime(post.editedAt, locale, timeZone) : null,
		canEdit: post.canEdit,
		body: post.canEdit ? post.body : null,
		replies: post.replies.map((r) => postView(r, locale, timeZone))
	};
}

function* allPosts(posts: PostNode[]): Generator<PostNode> {
	for (const post of posts) {
		yield post;
		yield* allPosts(post.replies);
	}
}

/** The thread for the Discussion component; `url` carries the reply/quote/edit links. */
export function discussionView(
	thread: ThreadView,
	url: URL,
	locale: Locale,
	timeZone: string
): DiscussionView {
	const posts = [...allPosts(thread.posts)];
	const known = (param: string, ok: (p: PostNode) => boolean = () => true) => {
		const id = url.searchParams.get(param);
		return id && posts.some((p) => p.id === id && ok(p)) ? id : null;
	};
	return {
		threadId: thread.threadId,
		title: thread.title,
		isThreadOpen: thread.isThreadOpen,
		canPost: thread.canPost,
		postCount: thread.postCount,
		posts: thread.posts.map((p) => postView(p, locale, timeZone)),
		mentionable: thread.mentionable.map((p) => p.fullName),
		replyTo: thread.canPost ? known('reply') : null,
		quoteOf: thread.canPost ? known('quote') : null,
		editing: known('edit', (p) => p.canEdit)
	};
}
