import type { DB, Licence } from '../db/types';
import { translate } from '../web/i18n';
import { licenceUrl, publicationTypeName } from '../web/publication-views';

// What every machine-readable view says about a publication beyond its record: subject names
// in each language, the type's name, the licence as a URL or words.

export type Locale = 'ky' | 'ru' | 'en';

export type SubjectNames = Record<Locale, string>;

/** Every subject's names by id (a short list kept by the operator). */
export async function subjectNamesById(db: DB): Promise<Map<string, SubjectNames>> {
	const rows = await db
		.selectFrom('subjects')
		.select(['id', 'nameKy', 'nameRu', 'nameEn'])
		.orderBy('position')
		.execute();
	return new Map(rows.map((r) => [r.id, { ky: r.nameKy, ru: r.nameRu, en: r.nameEn }]));
}

/** The subjects' names in `locale`, unknown ids left out. */
export function subjectsIn(
	names: Map<string, SubjectNames>,
	ids: string[],
	locale: Locale
): { id: string; name: string }[] {
	return ids.flatMap((id) => {
		const n = names.get(id);
		return n ? [{ id, name: n[locale] }] : [];
	});
}

export const typeName = (type: string, locale: Locale) => publicationTypeName(type, locale);

/** The licence's URL when it has one (Creative Commons), else its name (all rights reserved). */
export function rightsOf(licence: Licence, locale: Locale): { url: string | null; text: string } {
	const url = licenceUrl(licence);
	return {
		url,
		text:
			url ?? translate(`publication_licence_${licence}` as 'publication_licence_cc_by', {}, locale)
	};
}
