import type { DB } from '../../db/types';
import type { Locale } from '../../../i18n/locale';

export interface SubjectOption {
	id: string;
	name: string;
}

/** Subjects in the seed order, named in the reader's language. */
export async function listSubjects(db: DB, locale: Locale): Promise<SubjectOption[]> {
	const rows = await db.selectFrom('subjects').selectAll().orderBy('position').execute();
	const pick = { ky: 'nameKy', ru: 'nameRu', en: 'nameEn' } as const;
	return rows.map((row) => ({ id: row.id, name: row[pick[locale]] }));
}
