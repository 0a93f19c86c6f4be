import { validate } from '../../validation';
import type { Ctx } from '../context';
import { setItemResultsInput, type SetItemResultsInput } from './input';
import { editableCollection, itemOf, touchCollection } from './queries';

/**
 * The leader adds a material's approbation results (a table and a chart per indicator) to the
 * collection, or takes them out. They are frozen with the next edition, like the material.
 */
export async function setItemResults(
	{ db, actor, now }: Ctx,
	input: SetItemResultsInput
): Promise<void> {
	await editableCollection(db, actor, input.groupId, input.collectionId);
	await itemOf(db, input.collectionId, input.itemId);
	const { collectionId, itemId, hasResults } = validate(setItemResultsInput, input);
	await db.updateTable('collectionItems').set({ hasResults }).where('id', '=', itemId).execute();
	await touchCollection(db, collectionId, now);
}
