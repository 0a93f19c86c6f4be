import type { DB } from './types';

/** Tables whose rows are numbered within their group: minutes № 1, 2, …; proposals; votes. */
type Numbered = 'meetings' | 'groupRevisions' | 'proposals' | 'votes' | 'decisions';

/**
 * The group's next number in the table. Two writers may read the same one: the table's
 * unique (group, number) refuses the second, and `retryOnConflict` runs it again.
 */
export async function nextNumber(db: DB, table: Numbered, groupId: string): Promise<number>;
/** An edition's number within its collection: edition 1, 2, … */
export async function nextNumber(
	db: DB,
	table: 'collectionEditions',
	collectionId: string
): Promise<number>;

export async function nextNumber(
	db: DB,
	table: Numbered | 'collectionEditions',
	ownerId: string
): Promise<number> {
	const last =
		table === 'collectionEditions'
			? await db
					.selectFrom(table)
					.select((eb) => eb.fn.max('number').as('number'))
					.where('collectionId', '=', ownerId)
					.executeTakeFirst()
			: await db
					.selectFrom(table)
					.select((eb) => eb.fn.max('number').as('number'))
					.where('groupId', '=', ownerId)
					.executeTakeFirst();
	return Number(last?.number ?? 0) + 1;
}
