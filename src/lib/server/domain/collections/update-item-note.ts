import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { noteInput } from './input';
import { editableCollection, itemOf, touchCollection } from './queries';

/** The leader's editorial note printed with the material (empty: none). */
export async function updateItemNote(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	itemId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	await editableCollection(db, actor, groupId, collectionId);
	await itemOf(db, collectionId, itemId);
	const { note } = validate(noteInput, rawInput);
	await db.updateTable('collectionItems').set({ note }).where('id', '=', itemId).execute();
	await touchCollection(db, collectionId, now);
}
