import type { DB } from '../../db/types';
import type { Ctx } from '../context';
import { groupWorkAccess } from '../group-access/access';
import { toDecisionView, type DecisionView } from './get-vote';
import type { ListDecisionsInput } from './input';
import { closeOverdue } from './queries';

export interface DecisionLogEntry extends DecisionView {
	voteId: string;
	voteNumber: number;
	question: string;
	isSecret: boolean;
	proposal: { id: string; number: number; title: string } | null;
}

/** The group's decision log (§3.3): every decision, latest first, with its tally. */
export async function listDecisions(
	{ db, actor, now }: Ctx,
	{ groupId, seal }: ListDecisionsInput
): Promise<DecisionLogEntry[]> {
	const access = await groupWorkAccess(db, actor, groupId);
	if (!access.isClosed) await closeOverdue(db, seal, groupId, now);
	const rows = await decisionRows(db, groupId).orderBy('d.number', 'desc').limit(500).execute();
	return rows.map(toLogEntry);
}

/**
 * The decisions linked to one meeting's minutes, in the order they were taken: for the
 * meeting's page and minutes, which check who may read them.
 */
export async function meetingDecisions(
	db: DB,
	groupId: string,
	meetingId: string
): Promise<DecisionLogEntry[]> {
	const rows = await decisionRows(db, groupId)
		.where('d.meetingId', '=', meetingId)
		.orderBy('d.number')
		.execute();
	return rows.map(toLogEntry);
}

function decisionRows(db: DB, groupId: string) {
	return db
		.selectFrom('decisions as d')
		.innerJoin('votes as v', 'v.id', 'd.voteId')
		.leftJoin('proposals as p', 'p.id', 'd.proposalId')
		.leftJoin('meetings as m', 'm.id', 'd.meetingId')
		.selectAll('d')
		.select([
			'v.number as voteNumber',
			'v.question',
			'v.isSecret',
			'p.number as proposalNumber',
			'p.title as proposalTitle',
			'm.number as meetingNumber',
			'm.heldOn as meetingHeldOn'
		])
		.where('d.groupId', '=', groupId);
}

type Row = Awaited<ReturnType<ReturnType<typeof decisionRows>['execute']>>[number];

function toLogEntry(row: Row): DecisionLogEntry {
	return {
		...toDecisionView(row),
		voteId: row.voteId,
		voteNumber: Number(row.voteNumber),
		question: row.question,
		isSecret: row.isSecret,
		proposal:
			row.proposalId && row.proposalNumber !== null
				? { id: row.proposalId, number: Number(row.proposalNumber), title: row.proposalTitle ?? '' }
				: null
	};
}
