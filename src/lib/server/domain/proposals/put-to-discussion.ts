import { inTransaction } from '../../db/transaction';
import { links, notify } from '../../notify';
import type { Ctx } from '../context';
import type { PutToDiscussionInput } from './input';
import { canPutToDiscussion } from './policy';
import { assertCan, moveProposal, proposalAccess } from './queries';

/** §3.5: the leader puts the analyzed proposal to the group's discussion; its thread opens. */
export async function putToDiscussion(
	{ db, actor, now }: Ctx,
	input: PutToDiscussionInput
): Promise<void> {
	const access = await proposalAccess(db, actor, input.groupId, input.proposalId);
	if (access.proposal.status === 'discussion' && access.role === 'leader') return;
	assertCan((status) => canPutToDiscussion(actor, access, status), access);
	const { proposal } = access;
	await inTransaction(db, async (trx) => {
		await moveProposal(trx, proposal, 'discussion', actor.id, now);
		await notify(
			{ db: trx, now, actor },
			{
				kind: 'proposal.in_discussion',
				key: proposal.id,
				groupId: proposal.groupId,
				subject: proposal.title,
				link: links.proposal(proposal.groupId, proposal.id)
			}
		);
	});
}
