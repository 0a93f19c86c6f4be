import type { DB } from '../../db/types';
import type { Locale } from '../../../i18n/locale';

export interface SubjectOption {
	id: string;
	name: string;
}

/** Every subject with its three names, in the list's order (the operator's page). */
export function listSubjectNames(db: DB) {
	return db
		.selectFrom('subjects')
		.select(['id', 'nameKy', 'nameRu', 'nameEn'])
		.orderBy('position')
		.orderBy('id')
		.execute();
}

/** Subjects in the seed order, named in the reader's language. */
export async function listSubjects(db: DB, locale: Locale): Promise<SubjectOption[]> {
	const rows = await db.selectFrom('subjects').selectAll().orderBy('position').execute();
	const pick = { ky: 'nameKy', ru: 'nameRu', en: 'nameEn' } as const;
	return rows.map((row) => ({ id: row.id, name: row[pick[locale]] }));
}
