import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { reorderItemsInput, type ReorderItemsInput } from './input';
import { editableCollection, touchCollection } from './queries';

/**
 * Drag-and-drop sends the whole order at once: every item of the collection exactly once,
 * each with its section. An order made from a stale page (an item added or removed since) is
 * refused rather than half applied.
 */
export async function reorderItems(
	{ db, actor, now }: Ctx,
	input: ReorderItemsInput
): Promise<void> {
	await editableCollection(db, actor, input.groupId, input.collectionId);
	const { collectionId, order } = validate(reorderItemsInput, input);
	const pairs = order.map((pair) => {
		const [sectionId = '', itemId = ''] = pair.split(':');
		return { sectionId, itemId };
	});
	await inTransaction(db, async (trx) => {
		const items = await trx
			.selectFrom('collectionItems')
			.select('id')
			.where('collectionId', '=', collectionId)
			.execute();
		const sections = await trx
			.selectFrom('collectionSections')
			.select('id')
			.where('collectionId', '=', collectionId)
			.execute();
		const itemIds = new Set(items.map((i) => i.id));
		const sectionIds = new Set(sections.map((s) => s.id));
		const sent = new Set(pairs.map((p) => p.itemId));
		const matches =
			sent.size === pairs.length &&
			sent.size === itemIds.size &&
			pairs.every((p) => itemIds.has(p.itemId) && sectionIds.has(p.sectionId));
		if (!matches) throw new AppError('conflict', 'error_collection_changed');
		const position = new Map<string, number>();
		for (const pair of pairs) {
			const next = (position.get(pair.sectionId) ?? 0) + 1;
			position.set(pair.sectionId, next);
			await trx
				.updateTable('collectionItems')
				.set({ sectionId: pair.sectionId, position: next })
				.where('id', '=', pair.itemId)
				.execute();
		}
		await touchCollection(trx, collectionId, now);
	});
}
