import type { DB } from '../db/types';
import { isPersonal, personalDataTables } from './tables';

// The audit log is append-only and hash-chained, so an erased person's old values stay in
// it (docs/personal-data.md). The log's pages and files do not show them: the changes of an
// erased account's own row have their personal fields masked.

const usersDeclaration = personalDataTables.users;
const maskedFields = new Set(
	usersDeclaration && isPersonal(usersDeclaration) ? (usersDeclaration.personal ?? []) : []
);

interface Entry {
	tableName: string;
	rowId: string;
	changes: Record<string, [unknown, unknown]>;
}

/** The entries with an erased account's personal fields replaced by `marker`. */
export async function maskErased<E extends Entry>(
	db: DB,
	entries: E[],
	marker: string
): Promise<E[]> {
	const ids = [...new Set(entries.filter((e) => e.tableName === 'users').map((e) => e.rowId))];
	if (ids.length === 0) return entries;
	const erased = new Set(
		(
			await db
				.selectFrom('users')
				.select('id')
				.where('id', 'in', ids)
				.where('erasedAt', 'is not', null)
				.execute()
		).map((r) => r.id)
	);
	if (erased.size === 0) return entries;
	return entries.map((e) =>
		e.tableName === 'users' && erased.has(e.rowId)
			? {
					...e,
					changes: Object.fromEntries(
						Object.entries(e.changes).map(([field, [before, after]]) =>
							maskedFields.has(field)
								? [field, [before === null ? null : marker, after === null ? null : marker]]
								: [field, [before, after]]
						)
					)
				}
			: e
	);
}
