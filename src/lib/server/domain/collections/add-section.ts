import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { MAX_SECTIONS, sectionInput } from './input';
import { editableCollection, touchCollection } from './queries';

export async function addSection(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ sectionId: string }> {
	await editableCollection(db, actor, groupId, collectionId);
	const input = validate(sectionInput, rawInput);
	const sectionId = newId();
	await inTransaction(db, async (trx) => {
		const last = await trx
			.selectFrom('collectionSections')
			.select([(eb) => eb.fn.countAll().as('count'), (eb) => eb.fn.max('position').as('last')])
			.where('collectionId', '=', collectionId)
			.executeTakeFirstOrThrow();
		if (Number(last.count) >= MAX_SECTIONS)
			throw new AppError('conflict', 'error_collection_sections_limit', {
				params: { max: MAX_SECTIONS }
			});
		await trx
			.insertInto('collectionSections')
			.values({
				id: sectionId,
				collectionId,
				position: Number(last.last ?? 0) + 1,
				title: input.title,
				intro: input.intro
			})
			.execute();
		await touchCollection(trx, collectionId, now);
	});
	return { sectionId };
}
