import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { canPutToDiscussion } from './policy';
import { assertCan, moveProposal, proposalAccess } from './queries';

/** §3.5: the leader puts the analyzed proposal to the group's discussion; its thread opens. */
export async function putToDiscussion(
	db: DB,
	actor: Actor,
	groupId: string,
	proposalId: string,
	now = new Date()
): Promise<void> {
	const access = await proposalAccess(db, actor, groupId, proposalId);
	if (access.proposal.status === 'discussion' && access.role === 'leader') return;
	assertCan((status) => canPutToDiscussion(actor, access, status), access);
	await inTransaction(db, (trx) => moveProposal(trx, access.proposal, 'discussion', actor.id, now));
}
