import { isUniqueViolation } from '../../db/errors';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { asId, type CollectionItemId } from '../ids';
import { addItemInput, MAX_ITEMS, type AddItemInput } from './input';
import { acceptedVersions, editableCollection, sectionOf, touchCollection } from './queries';

/** The leader puts an accepted material at the end of a section; a material appears once. */
export async function addItem(
	{ db, actor, now }: Ctx,
	input: AddItemInput
): Promise<{ itemId: CollectionItemId }> {
	await editableCollection(db, actor, input.groupId, input.collectionId);
	const { groupId, collectionId, sectionId, materialId } = validate(addItemInput, input);
	await sectionOf(db, collectionId, sectionId);
	const accepted = await acceptedVersions(db, groupId, [materialId]);
	if (!accepted.has(materialId))
		throw new AppError('conflict', 'error_collection_material_not_accepted', {
			field: 'materialId'
		});
	const itemId = asId<CollectionItemId>(newId());
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
				.where('sectionId', '=', sectionId)
				.executeTakeFirstOrThrow();
			await trx
				.insertInto('collectionItems')
				.values({
					id: itemId,
					collectionId,
					sectionId,
					materialId,
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
