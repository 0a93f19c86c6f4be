import { inTransaction } from '../../db/transaction';
import type { Ctx } from '../context';
import type { WithdrawProposalInput } from './input';
import { canWithdrawProposal } from './policy';
import { assertCan, moveProposal, proposalAccess } from './queries';

/** Its author takes the proposal back before it is put to a vote. */
export async function withdrawProposal(
	{ db, actor, now }: Ctx,
	input: WithdrawProposalInput
): Promise<void> {
	const access = await proposalAccess(db, actor, input.groupId, input.proposalId);
	if (access.proposal.status === 'withdrawn' && access.isAuthor) return;
	assertCan((status) => canWithdrawProposal(actor, access, status), access);
	await inTransaction(db, (trx) => moveProposal(trx, access.proposal, 'withdrawn', actor.id, now));
}
