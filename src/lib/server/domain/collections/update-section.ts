import { validate } from '../../validation';
import type { Ctx } from '../context';
import { updateSectionInput, type UpdateSectionInput } from './input';
import { editableCollection, sectionOf, touchCollection } from './queries';

/** The leader renames a section or changes its introduction. */
export async function updateSection(
	{ db, actor, now }: Ctx,
	input: UpdateSectionInput
): Promise<void> {
	await editableCollection(db, actor, input.groupId, input.collectionId);
	await sectionOf(db, input.collectionId, input.sectionId);
	const { collectionId, sectionId, title, intro } = validate(updateSectionInput, input);
	await db
		.updateTable('collectionSections')
		.set({ title, intro })
		.where('id', '=', sectionId)
		.execute();
	await touchCollection(db, collectionId, now);
}
