import type { ProposalStatus } from '../../db/types';
import type { Ctx } from '../context';
import { groupWorkAccess } from '../group-access/access';
import type { ListThreadsInput } from './input';
import { canStartThread } from './policy';

export interface ThreadSummary {
	id: string;
	title: string;
	proposalId: string | null;
	proposalNumber: number | null;
	proposalStatus: ProposalStatus | null;
	authorName: string | null;
	postCount: number;
	createdAt: Date;
	lastPostAt: Date | null;
}

/** The group's discussions: free-standing threads and proposals' threads, latest first. */
export async function listThreads(
	{ db, actor }: Ctx,
	{ groupId }: ListThreadsInput
): Promise<{ threads: ThreadSummary[]; canStart: boolean }> {
	const access = await groupWorkAccess(db, actor, groupId);
	const rows = await db
		.selectFrom('discussionThreads as t')
		.leftJoin('proposals as p', 'p.id', 't.proposalId')
		.leftJoin('users as u', 'u.id', 't.authorId')
		.select((eb) => [
			't.id',
			't.title',
			't.proposalId',
			'p.number as proposalNumber',
			'p.status as proposalStatus',
			'u.fullName as authorName',
			't.createdAt',
			't.lastPostAt',
			eb
				.selectFrom('discussionPosts as d')
				.select((c) => c.fn.countAll().as('n'))
				.whereRef('d.threadId', '=', 't.id')
				.as('postCount')
		])
		.where('t.groupId', '=', groupId)
		// A proposal's thread is listed once the proposal is put to discussion, or has posts.
		.where((eb) =>
			eb.or([
				eb('t.proposalId', 'is', null),
				eb('p.status', 'in', ['discussion', 'vote', 'accepted', 'rejected']),
				eb('t.lastPostAt', 'is not', null)
			])
		)
		.orderBy((eb) => eb.fn.coalesce('t.lastPostAt', 't.createdAt'), 'desc')
		.limit(200)
		.execute();
	return {
		threads: rows.map((r) => ({
			...r,
			proposalNumber: r.proposalNumber === null ? null : Number(r.proposalNumber),
			postCount: Number(r.postCount ?? 0)
		})),
		canStart: !access.isClosed && canStartThread(actor, access)
	};
}
