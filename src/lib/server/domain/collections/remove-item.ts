import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { removeItemInput, type RemoveItemInput } from './input';
import { editableCollection, itemOf, touchCollection } from './queries';

/** Takes a material out of the collection; it stays accepted and may be added again. */
export async function removeItem({ db, actor, now }: Ctx, input: RemoveItemInput): Promise<void> {
	await editableCollection(db, actor, input.groupId, input.collectionId);
	await itemOf(db, input.collectionId, input.itemId);
	const { collectionId, itemId } = validate(removeItemInput, input);
	await inTransaction(db, async (trx) => {
		await trx.deleteFrom('collectionItems').where('id', '=', itemId).execute();
		await touchCollection(trx, collectionId, now);
	});
}
