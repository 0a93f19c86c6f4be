import type { DB } from './types';

/** Tables whose rows are numbered within their group: minutes № 1, 2, …; proposals; votes. */
type Numbered = 'meetings' | 'groupRevisions' | 'proposals' | 'votes' | 'decisions';

/**
 * The group's next number in the table. Two writers may read the same one: the table's
 * unique (group, number) refuses the second, and `retryOnConflict` runs it again.
 */
export async function nextNumber(db: DB, table: Numbered, groupId: string): Promise<number> {
	const last = await db
		.selectFrom(table)
		.select((eb) => eb.fn.max('number').as('number'))
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	return Number(last?.number ?? 0) + 1;
}
