import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { proposalStatuses, type DB, type Proposal, type ProposalStatus } from '../../db/types';
import { AppError } from '../../errors';
import {
	assertAllowed,
	assertOpen,
	groupWorkAccess,
	type GroupAccess
} from '../group-access/access';
import type { ProposalPlace } from './policy';

export interface ProposalAccess extends GroupAccess, ProposalPlace {
	proposal: Proposal;
}

/** A proposal of the group the actor may see, and the actor's place. */
export async function proposalAccess(
	db: DB,
	actor: Actor,
	groupId: string,
	proposalId: string
): Promise<ProposalAccess> {
	const access = await groupWorkAccess(db, actor, groupId);
	const proposal = await db
		.selectFrom('proposals')
		.selectAll()
		.where('id', '=', proposalId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!proposal) throw new AppError('not_found', 'error_proposal_not_found');
	return { ...access, proposal, isAuthor: proposal.authorId === actor.id };
}

/**
 * 403 if the actor may never do this to a proposal, 409 if the group is closed or the
 * proposal has moved past the status where it was possible.
 */
export function assertCan(rule: (status: ProposalStatus) => boolean, access: ProposalAccess): void {
	assertAllowed(proposalStatuses.some(rule));
	assertOpen(access);
	if (!rule(access.proposal.status)) throw new AppError('conflict', 'error_proposal_changed');
}

/**
 * Moves the proposal from the status it was read in to the next one and records it; a
 * concurrent change (another tab, the leader at the same time) is refused, not overwritten.
 */
export async function moveProposal(
	trx: DB,
	proposal: Proposal,
	to: ProposalStatus,
	actorId: string | null,
	now: Date,
	options: {
		reason?: string;
		set?: { analysis?: string; analyzedBy?: string; analyzedAt?: Date };
	} = {}
): Promise<void> {
	const updated = await trx
		.updateTable('proposals')
		.set({ status: to, updatedAt: now, ...options.set })
		.where('id', '=', proposal.id)
		.where('status', '=', proposal.status)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) === 0)
		throw new AppError('conflict', 'error_proposal_changed');
	if (to !== proposal.status)
		await recordProposalEvent(trx, proposal.id, proposal.status, to, actorId, now, options.reason);
}

export async function recordProposalEvent(
	trx: DB,
	proposalId: string,
	from: ProposalStatus | null,
	to: ProposalStatus,
	actorId: string | null,
	now: Date,
	reason?: string
): Promise<void> {
	await trx
		.insertInto('proposalEvents')
		.values({
			id: newId(),
			proposalId,
			fromStatus: from,
			toStatus: to,
			actorId,
			reason: reason ?? null,
			createdAt: now
		})
		.execute();
}
