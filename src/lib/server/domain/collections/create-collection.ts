import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen } from '../group-access/access';
import { asId, type CollectionId } from '../ids';
import { checkEditors, writeEditors } from './editors';
import { createCollectionInput, MAX_COLLECTIONS, type CreateCollectionInput } from './input';
import { canEditCollection } from './policy';
import { collectionsAccess, titlePageColumns } from './queries';

/**
 * §3.5, §6: the leader starts a methodological collection (a group may keep several, e.g.
 * one per academic year).
 */
export async function createCollection(
	{ db, actor, now }: Ctx,
	input: CreateCollectionInput
): Promise<{ collectionId: CollectionId }> {
	const access = await collectionsAccess(db, actor, input.groupId);
	assertAllowed(canEditCollection(actor, access));
	assertOpen(access);
	const fields = validate(createCollectionInput, input);
	const { groupId } = fields;
	const editors = await checkEditors(db, groupId, fields.editors);
	const count = await db
		.selectFrom('collections')
		.select((eb) => eb.fn.countAll().as('count'))
		.where('groupId', '=', groupId)
		.executeTakeFirstOrThrow();
	if (Number(count.count) >= MAX_COLLECTIONS)
		throw new AppError('conflict', 'error_collection_limit', { params: { max: MAX_COLLECTIONS } });
	const collectionId = asId<CollectionId>(newId());
	await inTransaction(db, async (trx) => {
		await trx
			.insertInto('collections')
			.values({
				id: collectionId,
				groupId,
				...titlePageColumns(fields, [actor.id, ...editors]),
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		await writeEditors(trx, collectionId, editors);
	});
	return { collectionId };
}
