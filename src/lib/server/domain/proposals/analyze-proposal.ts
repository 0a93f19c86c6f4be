import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { analysisInput } from './input';
import { canAnalyzeProposal } from './policy';
import { assertCan, moveProposal, proposalAccess } from './queries';

/**
 * §3.5: the leader writes an analysis of the proposal (a submitted one becomes "analyzed");
 * it can be rewritten until the proposal goes to a vote.
 */
export async function analyzeProposal(
	db: DB,
	actor: Actor,
	groupId: string,
	proposalId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	const access = await proposalAccess(db, actor, groupId, proposalId);
	assertCan((status) => canAnalyzeProposal(actor, access, status), access);
	const input = validate(analysisInput, rawInput);
	const { proposal } = access;
	const to = proposal.status === 'submitted' ? 'analyzed' : proposal.status;
	await inTransaction(db, (trx) =>
		moveProposal(trx, proposal, to, actor.id, now, {
			set: { analysis: input.analysis, analyzedBy: actor.id, analyzedAt: now }
		})
	);
}
