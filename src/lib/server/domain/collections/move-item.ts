import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { moveItemInput, type MoveItemInput } from './input';
import { editableCollection, itemOf, touchCollection } from './queries';

/**
 * The up/down buttons (they work without JavaScript): the item swaps with its neighbour; at
 * the top of a section it goes to the end of the section above, at the bottom to the start
 * of the section below, so any order can be reached with the buttons alone.
 */
export async function moveItem({ db, actor, now }: Ctx, input: MoveItemInput): Promise<void> {
	await editableCollection(db, actor, input.groupId, input.collectionId);
	const { collectionId, itemId, direction } = validate(moveItemInput, input);
	const up = direction === 'up';
	await inTransaction(db, async (trx) => {
		const item = await itemOf(trx, collectionId, itemId);
		const neighbour = await trx
			.selectFrom('collectionItems')
			.select(['id', 'position'])
			.where('sectionId', '=', item.sectionId)
			.where('position', up ? '<' : '>', item.position)
			.orderBy('position', up ? 'desc' : 'asc')
			.limit(1)
			.executeTakeFirst();
		if (neighbour) {
			await trx
				.updateTable('collectionItems')
				.set({ position: neighbour.position })
				.where('id', '=', item.id)
				.execute();
			await trx
				.updateTable('collectionItems')
				.set({ position: item.position })
				.where('id', '=', neighbour.id)
				.execute();
		} else {
			const section = await trx
				.selectFrom('collectionSections')
				.select('position')
				.where('id', '=', item.sectionId)
				.executeTakeFirstOrThrow();
			const next = await trx
				.selectFrom('collectionSections')
				.select('id')
				.where('collectionId', '=', collectionId)
				.where('position', up ? '<' : '>', section.position)
				.orderBy('position', up ? 'desc' : 'asc')
				.limit(1)
				.executeTakeFirst();
			if (!next) return;
			const edge = await trx
				.selectFrom('collectionItems')
				.select((eb) => (up ? eb.fn.max('position') : eb.fn.min('position')).as('position'))
				.where('sectionId', '=', next.id)
				.executeTakeFirstOrThrow();
			const position = edge.position === null ? 1 : Number(edge.position) + (up ? 1 : -1);
			await trx
				.updateTable('collectionItems')
				.set({ sectionId: next.id, position })
				.where('id', '=', item.id)
				.execute();
		}
		await touchCollection(trx, collectionId, now);
	});
}
