import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, groupAccess } from '../group-access/access';
import { unpublishInput, type UnpublishInput } from './input';
import { canPublish } from './policy';
import { endPublication, loadPublication } from './queries';

/**
 * The leader or the administration takes a publication down, saying why: the address keeps a
 * tombstone with the title, the date and the reason; the catalog, feeds and sitemap drop it.
 */
export async function unpublish({ db, actor, now }: Ctx, input: UnpublishInput): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canPublish(actor, access));
	const { publicationId, reason } = validate(unpublishInput, input);
	await inTransaction(db, async (trx) => {
		const publication = await loadPublication(trx, { id: publicationId });
		if (publication.groupId !== access.group.id)
			throw new AppError('not_found', 'error_publication_not_found');
		if (publication.status !== 'published')
			throw new AppError('conflict', 'error_publication_not_published');
		await endPublication(trx, publication, { status: 'unpublished', by: actor.id, reason, now });
	});
}
