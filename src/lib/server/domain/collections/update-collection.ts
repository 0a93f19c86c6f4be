import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { checkEditors, writeEditors } from './editors';
import { collectionInput } from './input';
import { editableCollection } from './queries';

/** The leader changes the collection's title page, preface, editors and reviewers. */
export async function updateCollection(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	await editableCollection(db, actor, groupId, collectionId);
	const input = validate(collectionInput, rawInput);
	const editors = await checkEditors(db, groupId, input.editors);
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('collections')
			.set({
				title: input.title,
				subtitle: input.subtitle ?? '',
				year: input.year,
				language: input.language,
				city: input.city ?? '',
				approvalNote: input.approvalNote ?? '',
				preface: input.preface,
				reviewers: JSON.stringify(input.reviewers),
				updatedAt: now
			})
			.where('id', '=', collectionId)
			.execute();
		await writeEditors(trx, collectionId, editors);
	});
}
