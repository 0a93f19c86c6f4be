import { inTransaction } from '../../db/transaction';
import { links, notify } from '../../notify';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { analyzeProposalInput, type AnalyzeProposalInput } from './input';
import { canAnalyzeProposal } from './policy';
import { assertCan, moveProposal, proposalAccess } from './queries';

/**
 * §3.5: the leader writes an analysis of the proposal (a submitted one becomes "analyzed");
 * it can be rewritten until the proposal goes to a vote.
 */
export async function analyzeProposal(
	{ db, actor, now }: Ctx,
	input: AnalyzeProposalInput
): Promise<void> {
	const access = await proposalAccess(db, actor, input.groupId, input.proposalId);
	assertCan((status) => canAnalyzeProposal(actor, access, status), access);
	const { analysis } = validate(analyzeProposalInput, input);
	const { proposal } = access;
	const to = proposal.status === 'submitted' ? 'analyzed' : proposal.status;
	await inTransaction(db, async (trx) => {
		await moveProposal(trx, proposal, to, actor.id, now, {
			set: { analysis, analyzedBy: actor.id, analyzedAt: now }
		});
		// The author learns of the first analysis; a rewrite is not news again.
		await notify(
			{ db: trx, now, actor },
			{
				kind: 'proposal.analyzed',
				key: proposal.id,
				groupId: proposal.groupId,
				subject: proposal.title,
				link: links.proposal(proposal.groupId, proposal.id),
				userIds: [proposal.authorId]
			}
		);
	});
}
