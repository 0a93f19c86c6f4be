import { validate } from '../../validation';
import type { Ctx } from '../context';
import { listCollectionsInput, type ListCollectionsInput } from './input';
import { canEditCollection } from './policy';
import { collectionsAccess } from './queries';

/** The group's collections, latest changed first, with their item count and last edition. */
export async function listCollections({ db, actor }: Ctx, input: ListCollectionsInput) {
	const access = await collectionsAccess(db, actor, input.groupId);
	const { groupId } = validate(listCollectionsInput, input);
	const rows = await db
		.selectFrom('collections as c')
		.select((eb) => [
			'c.id',
			'c.title',
			'c.subtitle',
			'c.year',
			'c.language',
			'c.updatedAt',
			eb
				.selectFrom('collectionItems as i')
				.select((e) => e.fn.countAll().as('n'))
				.whereRef('i.collectionId', '=', 'c.id')
				.as('itemCount'),
			eb
				.selectFrom('collectionEditions as e')
				.select((e) => e.fn.max('e.number').as('n'))
				.whereRef('e.collectionId', '=', 'c.id')
				.where('e.status', '=', 'done')
				.as('lastEdition'),
			eb
				.selectFrom('collectionEditions as e')
				.select((e) => e.fn.max('e.number').as('n'))
				.whereRef('e.collectionId', '=', 'c.id')
				.where('e.approvedAt', 'is not', null)
				.as('approvedEdition')
		])
		.where('c.groupId', '=', groupId)
		.orderBy('c.updatedAt', 'desc')
		.execute();
	return {
		groupName: access.group.name,
		canCreate: canEditCollection(actor, access) && !access.isClosed,
		collections: rows.map((r) => ({
			...r,
			year: Number(r.year),
			itemCount: Number(r.itemCount ?? 0),
			lastEdition: r.lastEdition === null ? null : Number(r.lastEdition),
			approvedEdition: r.approvedEdition === null ? null : Number(r.approvedEdition)
		}))
	};
}
