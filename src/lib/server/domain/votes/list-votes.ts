import type { DecisionOutcome, VoteKind, VoteStatus } from '../../db/types';
import type { Ctx } from '../context';
import { groupWorkAccess } from '../group-access/access';
import { canRunVotes } from '../group-access/policy';
import type { ListVotesInput } from './input';
import { closeOverdue } from './queries';

export interface VoteSummary {
	id: string;
	number: number;
	question: string;
	kind: VoteKind;
	status: VoteStatus;
	isSecret: boolean;
	closesAt: Date | null;
	openedAt: Date;
	closedAt: Date | null;
	proposalNumber: number | null;
	hasVoted: boolean;
	isOnRoll: boolean;
	participantCount: number;
	rollCount: number;
	outcome: DecisionOutcome | null;
}

/** The group's votes: open ones first (soonest deadline first), then closed, latest first. */
export async function listVotes(
	{ db, actor, now }: Ctx,
	{ groupId, seal }: ListVotesInput
): Promise<{ votes: VoteSummary[]; canOpen: boolean }> {
	const access = await groupWorkAccess(db, actor, groupId);
	if (!access.isClosed) await closeOverdue(db, seal, groupId, now);
	const rows = await db
		.selectFrom('votes as v')
		.leftJoin('proposals as p', 'p.id', 'v.proposalId')
		.leftJoin('decisions as d', 'd.voteId', 'v.id')
		.select((eb) => [
			'v.id',
			'v.number',
			'v.question',
			'v.kind',
			'v.status',
			'v.isSecret',
			'v.closesAt',
			'v.openedAt',
			'v.closedAt',
			'p.number as proposalNumber',
			'd.outcome',
			eb
				.selectFrom('ballots as b')
				.select((c) => c.fn.countAll().as('n'))
				.whereRef('b.voteId', '=', 'v.id')
				.as('participantCount'),
			eb
				.selectFrom('voteRoll as r')
				.select((c) => c.fn.countAll().as('n'))
				.whereRef('r.voteId', '=', 'v.id')
				.as('rollCount'),
			eb
				.selectFrom('ballots as b')
				.select('b.voterId')
				.whereRef('b.voteId', '=', 'v.id')
				.where('b.voterId', '=', actor.id)
				.as('myBallot'),
			eb
				.selectFrom('voteRoll as r')
				.select('r.userId')
				.whereRef('r.voteId', '=', 'v.id')
				.where('r.userId', '=', actor.id)
				.as('myRoll')
		])
		.where('v.groupId', '=', groupId)
		.orderBy('v.number', 'desc')
		.limit(200)
		.execute();
	const votes = rows.map(({ myBallot, myRoll, ...r }) => ({
		...r,
		number: Number(r.number),
		proposalNumber: r.proposalNumber === null ? null : Number(r.proposalNumber),
		participantCount: Number(r.participantCount ?? 0),
		rollCount: Number(r.rollCount ?? 0),
		hasVoted: myBallot !== null,
		isOnRoll: myRoll !== null
	}));
	const deadline = (v: VoteSummary) => v.closesAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
	votes.sort((a, b) =>
		a.status !== b.status
			? a.status === 'open'
				? -1
				: 1
			: a.status === 'open'
				? deadline(a) - deadline(b) || b.number - a.number
				: b.number - a.number
	);
	return { votes, canOpen: !access.isClosed && canRunVotes(actor, access) };
}
