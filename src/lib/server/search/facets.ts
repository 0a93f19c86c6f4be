import { sql } from 'kysely';
import type { DB } from '../db/types';

/** Schools listed in the school filter at most: past this, a region must be chosen first. */
export const MAX_SCHOOL_CHOICES = 600;
/** How long another process's publishing may take to show in the filter choices. */
const FACETS_TTL_MS = 60_000;

/** The values the catalog's filters can take: only those some publication has. */
export interface CatalogFacets {
	regions: string[];
	/** Newest first. */
	years: number[];
	languages: string[];
	types: string[];
	subjects: string[];
	grades: number[];
	/**
	 * The schools with publications, by name: all of them, or of `region` when given; empty
	 * with `schoolsNeedRegion` when there are too many to list.
	 */
	schools: { id: string; slug: string; name: string }[];
	schoolsNeedRegion: boolean;
}

// The choices change only when something is published or taken down; every catalog page asks
// for them, so they are kept a minute (and dropped at once when this process changes the index).
let generation = 0;
const cache = new WeakMap<
	object,
	Map<string, { at: number; generation: number; facets: CatalogFacets }>
>();

/** Called by the index writers: the choices may have changed. */
export function facetsChanged(): void {
	generation++;
}

/** The filter choices (of one region's schools when `region` is given). */
export async function catalogFacets(db: DB, region?: string): Promise<CatalogFacets> {
	const key = region ?? '';
	const kept = cache.get(db)?.get(key);
	if (kept && kept.generation === generation && Date.now() - kept.at < FACETS_TTL_MS)
		return kept.facets;
	const facets = await readFacets(db, region);
	if (!cache.has(db)) cache.set(db, new Map());
	cache.get(db)!.set(key, { at: Date.now(), generation, facets });
	return facets;
}

async function readFacets(db: DB, region?: string): Promise<CatalogFacets> {
	const distinct = async <T>(column: string, table = 'catalog_entries') =>
		(
			await sql<{ v: T }>`select distinct ${sql.ref(column)} as v from ${sql.table(table)}`.execute(
				db
			)
		).rows.map((r) => r.v);
	const regions = await distinct<string>('region');
	const years = await distinct<number>('year');
	const languages = await distinct<string>('language');
	const types = await distinct<string>('type');
	const subjects = await distinct<string>('subject_id', 'catalog_entry_subjects');
	const grades = await distinct<number>('grade', 'catalog_entry_grades');
	const schoolIds = (
		await db
			.selectFrom('catalogEntries')
			.select('schoolId')
			.distinct()
			.$if(region !== undefined, (qb) => qb.where('region', '=', region!))
			.limit(MAX_SCHOOL_CHOICES + 1)
			.execute()
	).map((r) => r.schoolId);
	const schoolsNeedRegion = schoolIds.length > MAX_SCHOOL_CHOICES;
	const schools =
		schoolsNeedRegion || schoolIds.length === 0
			? []
			: await db
					.selectFrom('catalogEntries')
					.select(['schoolId as id', 'schoolSlug as slug', 'schoolName as name'])
					.where('schoolId', 'in', schoolIds)
					.groupBy(['schoolId', 'schoolSlug', 'schoolName'])
					.execute();
	const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	return {
		regions: regions.sort(byText),
		years: years.map(Number).sort((a, b) => b - a),
		languages: languages.sort(byText),
		types: types.sort(byText),
		subjects: subjects.sort(byText),
		grades: grades.map(Number).sort((a, b) => a - b),
		schools: schools.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id)),
		schoolsNeedRegion
	};
}
