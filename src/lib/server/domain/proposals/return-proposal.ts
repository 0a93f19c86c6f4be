import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { returnInput } from './input';
import { canReturnProposal } from './policy';
import { assertCan, moveProposal, proposalAccess } from './queries';

/** The leader returns a proposal to its author with a reason (§3.5); it is not voted on. */
export async function returnProposal(
	db: DB,
	actor: Actor,
	groupId: string,
	proposalId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	const access = await proposalAccess(db, actor, groupId, proposalId);
	assertCan((status) => canReturnProposal(actor, access, status), access);
	const input = validate(returnInput, rawInput);
	await inTransaction(db, (trx) =>
		moveProposal(trx, access.proposal, 'returned', actor.id, now, { reason: input.reason })
	);
}
