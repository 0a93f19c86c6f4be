import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { editableCollection, sectionOf, touchCollection } from './queries';

/** Removes the section and takes its materials out of the collection (they stay accepted). */
export async function removeSection(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	sectionId: string,
	now = new Date()
): Promise<void> {
	await editableCollection(db, actor, groupId, collectionId);
	await sectionOf(db, collectionId, sectionId);
	await inTransaction(db, async (trx) => {
		await trx.deleteFrom('collectionItems').where('sectionId', '=', sectionId).execute();
		await trx.deleteFrom('collectionSections').where('id', '=', sectionId).execute();
		await touchCollection(trx, collectionId, now);
	});
}
