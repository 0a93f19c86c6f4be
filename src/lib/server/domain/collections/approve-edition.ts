import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen } from '../group-access/access';
import { approveEditionInput, type ApproveEditionInput } from './input';
import { canApproveEdition, canEditCollection } from './policy';
import { editionAccess } from './queries';

/**
 * §3.5, §6: the collection goes out only as the group decided. The leader marks a compiled
 * edition approved once a vote of the group on it was accepted.
 */
export async function approveEdition(
	{ db, actor, now }: Ctx,
	input: ApproveEditionInput
): Promise<void> {
	const access = await editionAccess(db, actor, input.groupId, input.collectionId, input.number);
	assertAllowed(canEditCollection(actor, access));
	assertOpen(access);
	validate(approveEditionInput, input);
	const { edition } = access;
	if (edition.approvedAt !== null) return; // approved already: a repeated click changes nothing
	if (!canApproveEdition(actor, access, { status: edition.status, isApproved: false }))
		throw new AppError('conflict', 'error_edition_not_ready');
	const accepted = await db
		.selectFrom('votes as v')
		.innerJoin('decisions as d', 'd.voteId', 'v.id')
		.select('d.id')
		.where('v.collectionEditionId', '=', edition.id)
		.where('v.status', '=', 'closed')
		.where('d.outcome', '=', 'accepted')
		.executeTakeFirst();
	if (!accepted) throw new AppError('conflict', 'error_edition_not_voted');
	await db
		.updateTable('collectionEditions')
		.set({ approvedAt: now, approvedBy: actor.id })
		.where('id', '=', edition.id)
		.where('approvedAt', 'is', null)
		.execute();
}
