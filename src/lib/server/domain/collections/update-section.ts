import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { sectionInput } from './input';
import { editableCollection, sectionOf, touchCollection } from './queries';

export async function updateSection(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	sectionId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	await editableCollection(db, actor, groupId, collectionId);
	await sectionOf(db, collectionId, sectionId);
	const input = validate(sectionInput, rawInput);
	await db
		.updateTable('collectionSections')
		.set({ title: input.title, intro: input.intro })
		.where('id', '=', sectionId)
		.execute();
	await touchCollection(db, collectionId, now);
}
