import { validate } from '../../validation';
import type { Ctx } from '../context';
import { updateItemNoteInput, type UpdateItemNoteInput } from './input';
import { editableCollection, itemOf, touchCollection } from './queries';

/** The leader's editorial note printed with the material (empty: none). */
export async function updateItemNote(
	{ db, actor, now }: Ctx,
	input: UpdateItemNoteInput
): Promise<void> {
	await editableCollection(db, actor, input.groupId, input.collectionId);
	await itemOf(db, input.collectionId, input.itemId);
	const { collectionId, itemId, note } = validate(updateItemNoteInput, input);
	await db.updateTable('collectionItems').set({ note }).where('id', '=', itemId).execute();
	await touchCollection(db, collectionId, now);
}
