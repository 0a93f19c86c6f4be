import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { returnProposalInput, type ReturnProposalInput } from './input';
import { canReturnProposal } from './policy';
import { assertCan, moveProposal, proposalAccess } from './queries';

/** The leader returns a proposal to its author with a reason (§3.5); it is not voted on. */
export async function returnProposal(
	{ db, actor, now }: Ctx,
	input: ReturnProposalInput
): Promise<void> {
	const access = await proposalAccess(db, actor, input.groupId, input.proposalId);
	assertCan((status) => canReturnProposal(actor, access, status), access);
	const { reason } = validate(returnProposalInput, input);
	await inTransaction(db, (trx) =>
		moveProposal(trx, access.proposal, 'returned', actor.id, now, { reason })
	);
}
