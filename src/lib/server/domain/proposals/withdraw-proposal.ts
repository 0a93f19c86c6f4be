import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { canWithdrawProposal } from './policy';
import { assertCan, moveProposal, proposalAccess } from './queries';

/** Its author takes the proposal back before it is put to a vote. */
export async function withdrawProposal(
	db: DB,
	actor: Actor,
	groupId: string,
	proposalId: string,
	now = new Date()
): Promise<void> {
	const access = await proposalAccess(db, actor, groupId, proposalId);
	if (access.proposal.status === 'withdrawn' && access.isAuthor) return;
	assertCan((status) => canWithdrawProposal(actor, access, status), access);
	await inTransaction(db, (trx) => moveProposal(trx, access.proposal, 'withdrawn', actor.id, now));
}
