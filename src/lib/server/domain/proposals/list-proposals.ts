import type { ProposalKind, ProposalStatus } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { groupWorkAccess } from '../group-access/access';
import { listProposalsInput, type ListProposalsInput } from './input';
import { canPropose } from './policy';

export interface ProposalSummary {
	id: string;
	number: number;
	kind: ProposalKind;
	title: string;
	status: ProposalStatus;
	authorName: string;
	createdAt: Date;
	updatedAt: Date;
	postCount: number;
}

/** The group's proposals, newest first, optionally of one status. */
export async function listProposals(
	{ db, actor }: Ctx,
	input: ListProposalsInput
): Promise<{ proposals: ProposalSummary[]; canPropose: boolean }> {
	const access = await groupWorkAccess(db, actor, input.groupId);
	const { groupId, ...filter } = validate(listProposalsInput, input);
	let query = db
		.selectFrom('proposals as p')
		.innerJoin('users as u', 'u.id', 'p.authorId')
		.innerJoin('discussionThreads as t', 't.proposalId', 'p.id')
		.select((eb) => [
			'p.id',
			'p.number',
			'p.kind',
			'p.title',
			'p.status',
			'u.fullName as authorName',
			'p.createdAt',
			'p.updatedAt',
			eb
				.selectFrom('discussionPosts as d')
				.select((c) => c.fn.countAll().as('n'))
				.whereRef('d.threadId', '=', 't.id')
				.as('postCount')
		])
		.where('p.groupId', '=', groupId);
	if (filter.status) query = query.where('p.status', '=', filter.status);
	const rows = await query.orderBy('p.number', 'desc').limit(200).execute();
	return {
		proposals: rows.map((r) => ({
			...r,
			number: Number(r.number),
			postCount: Number(r.postCount ?? 0)
		})),
		canPropose: !access.isClosed && canPropose(actor, access)
	};
}
