import type { DB } from '../../db/types';

export type Locale = 'ky' | 'ru' | 'en';

/** Subject names in the reader's language, in the list's order. */
export async function subjectNames(db: DB, ids: string[], locale: Locale): Promise<string[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.selectFrom('subjects')
		.select(['id', 'nameKy', 'nameRu', 'nameEn'])
		.where('id', 'in', ids)
		.orderBy('position')
		.execute();
	return rows.map((r) => (locale === 'ru' ? r.nameRu : locale === 'en' ? r.nameEn : r.nameKy));
}
