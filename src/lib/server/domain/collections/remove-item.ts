import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { editableCollection, itemOf, touchCollection } from './queries';

/** Takes a material out of the collection; it stays accepted and may be added again. */
export async function removeItem(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	itemId: string,
	now = new Date()
): Promise<void> {
	await editableCollection(db, actor, groupId, collectionId);
	await itemOf(db, collectionId, itemId);
	await inTransaction(db, async (trx) => {
		await trx.deleteFrom('collectionItems').where('id', '=', itemId).execute();
		await touchCollection(trx, collectionId, now);
	});
}
