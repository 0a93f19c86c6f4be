import type { Actor } from '../../access/actor';
import { isUniqueViolation } from '../../db/errors';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { itemInput, MAX_ITEMS } from './input';
import { acceptedVersions, editableCollection, sectionOf, touchCollection } from './queries';

/** The leader puts an accepted material at the end of a section; a material appears once. */
export async function addItem(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ itemId: string }> {
	await editableCollection(db, actor, groupId, collectionId);
	const input = validate(itemInput, rawInput);
	await sectionOf(db, collectionId, input.sectionId);
	const accepted = await acceptedVersions(db, groupId, [input.materialId]);
	if (!accepted.has(input.materialId))
		throw new AppError('conflict', 'error_collection_material_not_accepted', {
			field: 'materialId'
		});
	const itemId = newId();
	try {
		await inTransaction(db, async (trx) => {
			const counts = await trx
				.selectFrom('collectionItems')
				.select((eb) => eb.fn.countAll().as('count'))
				.where('collectionId', '=', collectionId)
				.executeTakeFirstOrThrow();
			if (Number(counts.count) >= MAX_ITEMS)
				throw new AppError('conflict', 'error_collection_items_limit', {
					params: { max: MAX_ITEMS }
				});
			const last = await trx
				.selectFrom('collectionItems')
				.select((eb) => eb.fn.max('position').as('last'))
				.where('sectionId', '=', input.sectionId)
				.executeTakeFirstOrThrow();
			await trx
				.insertInto('collectionItems')
				.values({
					id: itemId,
					collectionId,
					sectionId: input.sectionId,
					materialId: input.materialId,
					position: Number(last.last ?? 0) + 1,
					note: ''
				})
				.execute();
			await touchCollection(trx, collectionId, now);
		});
	} catch (error) {
		if (isUniqueViolation(error))
			throw new AppError('conflict', 'error_collection_material_twice', { field: 'materialId' });
		throw error;
	}
	return { itemId };
}
