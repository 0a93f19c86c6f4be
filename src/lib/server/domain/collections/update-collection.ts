import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { checkEditors, writeEditors } from './editors';
import { updateCollectionInput, type UpdateCollectionInput } from './input';
import { editableCollection, titlePageColumns } from './queries';

/** The leader changes the collection's title page, preface, editors and reviewers. */
export async function updateCollection(
	{ db, actor, now }: Ctx,
	input: UpdateCollectionInput
): Promise<void> {
	await editableCollection(db, actor, input.groupId, input.collectionId);
	const fields = validate(updateCollectionInput, input);
	const editors = await checkEditors(db, fields.groupId, fields.editors);
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('collections')
			.set({
				...titlePageColumns(fields, [actor.id, ...editors]),
				updatedAt: now
			})
			.where('id', '=', fields.collectionId)
			.execute();
		await writeEditors(trx, fields.collectionId, editors);
	});
}
