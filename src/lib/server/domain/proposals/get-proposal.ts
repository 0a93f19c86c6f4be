import type { Proposal, ProposalStatus, VoteStatus } from '../../db/types';
import type { Ctx } from '../context';
import { threadView, type ThreadView } from '../discussions/get-thread';
import { threadAccess } from '../discussions/queries';
import { canRunVotes } from '../group-access/policy';
import { asId, type ThreadId } from '../ids';
import type { GetProposalInput, ProposalThreadInput } from './input';
import {
	canAnalyzeProposal,
	canPutToDiscussion,
	canReturnProposal,
	canWithdrawProposal
} from './policy';
import { proposalAccess } from './queries';

export interface ProposalView {
	proposal: Proposal;
	authorName: string;
	analyzedByName: string | null;
	history: {
		from: ProposalStatus | null;
		to: ProposalStatus;
		actorName: string | null;
		reason: string | null;
		at: Date;
	}[];
	attachments: { id: string; name: string; kind: string; size: number }[];
	votes: { id: string; number: number; question: string; status: VoteStatus }[];
	thread: ThreadView;
	can: {
		analyze: boolean;
		discuss: boolean;
		return: boolean;
		withdraw: boolean;
		openVote: boolean;
	};
}

/** A proposal with the leader's analysis, its history, files, votes and discussion. */
export async function getProposal(
	{ db, actor }: Ctx,
	{ groupId, proposalId }: GetProposalInput
): Promise<ProposalView> {
	const access = await proposalAccess(db, actor, groupId, proposalId);
	const { proposal } = access;
	const [author, analyst, history, attachments, votes, thread] = await Promise.all([
		db
			.selectFrom('users')
			.select('fullName')
			.where('id', '=', proposal.authorId)
			.executeTakeFirstOrThrow(),
		proposal.analyzedBy
			? db
					.selectFrom('users')
					.select('fullName')
					.where('id', '=', proposal.analyzedBy)
					.executeTakeFirst()
			: undefined,
		db
			.selectFrom('proposalEvents as e')
			.leftJoin('users as u', 'u.id', 'e.actorId')
			.select(['e.fromStatus', 'e.toStatus', 'u.fullName', 'e.reason', 'e.createdAt'])
			.where('e.proposalId', '=', proposalId)
			.orderBy('e.createdAt')
			.orderBy('e.id')
			.execute(),
		db
			.selectFrom('proposalAttachments')
			.select(['id', 'name', 'kind', 'size'])
			.where('proposalId', '=', proposalId)
			.orderBy('createdAt')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('votes')
			.select(['id', 'number', 'question', 'status'])
			.where('proposalId', '=', proposalId)
			.orderBy('number')
			.execute(),
		db
			.selectFrom('discussionThreads')
			.select('id')
			.where('proposalId', '=', proposalId)
			.executeTakeFirstOrThrow()
	]);
	const open = !access.isClosed;
	const status = proposal.status;
	return {
		proposal,
		authorName: author.fullName,
		analyzedByName: analyst?.fullName ?? null,
		history: history.map((e) => ({
			from: e.fromStatus,
			to: e.toStatus,
			actorName: e.fullName,
			reason: e.reason,
			at: e.createdAt
		})),
		attachments: attachments.map((a) => ({ ...a, size: Number(a.size) })),
		votes: votes.map((v) => ({ ...v, number: Number(v.number) })),
		thread: await threadView(db, actor, await threadAccess(db, actor, groupId, thread.id)),
		can: {
			analyze: open && canAnalyzeProposal(actor, access, status),
			discuss: open && canPutToDiscussion(actor, access, status),
			return: open && canReturnProposal(actor, access, status),
			withdraw: open && canWithdrawProposal(actor, access, status),
			openVote: open && canRunVotes(actor, access) && status === 'discussion'
		}
	};
}

/** The thread of a proposal, for the discussion actions on the proposal's page. */
export async function proposalThreadId(
	{ db, actor }: Ctx,
	{ groupId, proposalId }: ProposalThreadInput
): Promise<ThreadId> {
	await proposalAccess(db, actor, groupId, proposalId);
	const thread = await db
		.selectFrom('discussionThreads')
		.select('id')
		.where('proposalId', '=', proposalId)
		.executeTakeFirstOrThrow();
	return asId<ThreadId>(thread.id);
}
