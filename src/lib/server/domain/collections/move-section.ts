import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { moveSectionInput, type MoveSectionInput } from './input';
import { editableCollection, sectionOf, touchCollection } from './queries';

/** Swaps the section with its neighbour above or below; at either end nothing moves. */
export async function moveSection({ db, actor, now }: Ctx, input: MoveSectionInput): Promise<void> {
	await editableCollection(db, actor, input.groupId, input.collectionId);
	const { collectionId, sectionId, direction } = validate(moveSectionInput, input);
	await inTransaction(db, async (trx) => {
		const section = await sectionOf(trx, collectionId, sectionId);
		const neighbour = await trx
			.selectFrom('collectionSections')
			.select(['id', 'position'])
			.where('collectionId', '=', collectionId)
			.where('position', direction === 'up' ? '<' : '>', section.position)
			.orderBy('position', direction === 'up' ? 'desc' : 'asc')
			.limit(1)
			.executeTakeFirst();
		if (!neighbour) return;
		await trx
			.updateTable('collectionSections')
			.set({ position: neighbour.position })
			.where('id', '=', section.id)
			.execute();
		await trx
			.updateTable('collectionSections')
			.set({ position: section.position })
			.where('id', '=', neighbour.id)
			.execute();
		await touchCollection(trx, collectionId, now);
	});
}
