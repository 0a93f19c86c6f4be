import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, groupAccess } from '../group-access/access';
import { withdrawPublicationInput, type WithdrawPublicationInput } from './input';
import { canPublish } from './policy';
import { endPublication, loadPublication } from './queries';

/** The publisher takes back a request still waiting for consent (nothing was shown yet). */
export async function withdrawPublication(
	{ db, actor, now }: Ctx,
	input: WithdrawPublicationInput
): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canPublish(actor, access));
	const { publicationId } = validate(withdrawPublicationInput, input);
	// In one transaction with the status read: the last consent cannot slip in between.
	await inTransaction(db, async (trx) => {
		const publication = await loadPublication(trx, { id: publicationId });
		if (publication.groupId !== access.group.id)
			throw new AppError('not_found', 'error_publication_not_found');
		if (publication.status !== 'awaiting_consent')
			throw new AppError('conflict', 'error_publication_not_awaiting');
		await endPublication(trx, publication, {
			status: 'withdrawn',
			by: actor.id,
			reason: null,
			now
		});
	});
}
