import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { removeSectionInput, type RemoveSectionInput } from './input';
import { editableCollection, sectionOf, touchCollection } from './queries';

/** Removes the section and takes its materials out of the collection (they stay accepted). */
export async function removeSection(
	{ db, actor, now }: Ctx,
	input: RemoveSectionInput
): Promise<void> {
	await editableCollection(db, actor, input.groupId, input.collectionId);
	await sectionOf(db, input.collectionId, input.sectionId);
	const { collectionId, sectionId } = validate(removeSectionInput, input);
	await inTransaction(db, async (trx) => {
		await trx.deleteFrom('collectionItems').where('sectionId', '=', sectionId).execute();
		await trx.deleteFrom('collectionSections').where('id', '=', sectionId).execute();
		await touchCollection(trx, collectionId, now);
	});
}
