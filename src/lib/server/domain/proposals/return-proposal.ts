import { inTransaction } from '../../db/transaction';
import { links, notify } from '../../notify';
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
	const { proposal } = access;
	await inTransaction(db, async (trx) => {
		await moveProposal(trx, proposal, 'returned', actor.id, now, { reason });
		await notify(
			{ db: trx, now, actor },
			{
				kind: 'proposal.returned',
				key: proposal.id,
				groupId: proposal.groupId,
				subject: proposal.title,
				link: links.proposal(proposal.groupId, proposal.id),
				userIds: [proposal.authorId]
			}
		);
	});
}
