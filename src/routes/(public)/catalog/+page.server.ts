import { database } from '$lib/server/db';
import {
	catalogFacets,
	MAX_QUERY_LENGTH,
	MAX_QUERY_TERMS,
	searchCatalog,
	type CatalogFilterName,
	type CatalogQuery
} from '$lib/server/search';
import { regionName } from '$lib/server/web/options';
import { licenceName, publicationTypeName } from '$lib/server/web/publication-views';
import type { Licence } from '$lib/server/db/types';
import * as m from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

const params = [
	'q',
	'subject',
	'grade',
	'language',
	'type',
	'school',
	'region',
	'year',
	'sort',
	'page'
] as const;

const filterLabels: Record<CatalogFilterName, () => string> = {
	subject: m.catalog_filter_subject,
	grade: m.catalog_filter_grade,
	language: m.catalog_filter_language,
	type: m.catalog_filter_type,
	school: m.catalog_filter_school,
	region: m.catalog_filter_region,
	year: m.catalog_filter_year,
	sort: m.catalog_filter_sort,
	page: m.catalog_filter_page
};

const languageNames = {
	ky: m.material_language_ky,
	ru: m.material_language_ru,
	en: m.material_language_en
} as Record<string, () => string>;

/**
 * The public catalog: every publication to interested parties of every school. A plain GET
 * form (no JavaScript); whatever the address holds, the search answers (bad values are named
 * and ignored), never an error page.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const db = database();
	const query: CatalogQuery = {};
	for (const name of params) query[name] = url.searchParams.get(name);
	const page = await searchCatalog(db, query);
	const facets = await catalogFacets(db, page.filters.region);
	const subjects = await db
		.selectFrom('subjects')
		.select(['id', 'nameKy', 'nameRu', 'nameEn'])
		.orderBy('position')
		.execute();
	const subjectName = (s: (typeof subjects)[number]) =>
		locals.locale === 'ru' ? s.nameRu : locals.locale === 'en' ? s.nameEn : s.nameKy;
	const present = new Set(facets.subjects);

	/** The address of another page of the same search. */
	const pageHref = (n: number) => {
		const next = new URLSearchParams();
		for (const name of params) {
			const value = name === 'page' ? (n > 1 ? String(n) : '') : url.searchParams.get(name);
			if (value) next.set(name, value);
		}
		const text = next.toString();
		return text ? `/catalog?${text}` : '/catalog';
	};

	return {
		q: page.q,
		values: {
			subject: page.filters.subject ?? '',
			grade: page.filters.grade ? String(page.filters.grade) : '',
			language: page.filters.language ?? '',
			type: page.filters.type ?? '',
			school: page.filters.school?.slug ?? '',
			region: page.filters.region ?? '',
			year: page.filters.year ? String(page.filters.year) : '',
			sort: page.sort
		},
		/** A query or a filter narrowed the catalog (the empty state says so). */
		narrowed: page.q.trim() !== '' || Object.keys(page.filters).length > 0,
		options: {
			subject: subjects
				.filter((s) => present.has(s.id) || s.id === page.filters.subject)
				.map((s) => ({ value: s.id, label: subjectName(s) })),
			grade: Array.from({ length: 11 }, (_, i) => ({
				value: String(i + 1),
				label: m.catalog_grade_option({ grade: i + 1 })
			})),
			language: facets.languages.map((l) => ({ value: l, label: languageNames[l]?.() ?? l })),
			type: facets.types.map((t) => ({ value: t, label: publicationTypeName(t) })),
			region: facets.regions.map((r) => ({ value: r, label: regionName(r) })),
			school: [
				...facets.schools.map((s) => ({ value: s.slug, label: s.name })),
				...(page.filters.school && !facets.schools.some((s) => s.id === page.filters.school!.id)
					? [{ value: page.filters.school.slug, label: page.filters.school.name }]
					: [])
			],
			year: facets.years.map((y) => ({ value: String(y), label: String(y) }))
		},
		schoolsNeedRegion: facets.schoolsNeedRegion && !page.filters.school,
		total: page.total,
		page: page.page,
		pageCount: page.pageCount,
		prevHref: page.page > 1 ? pageHref(page.page - 1) : null,
		nextHref: page.page < page.pageCount ? pageHref(page.page + 1) : null,
		notes: {
			truncated: page.truncated,
			clamped: page.clamped,
			corrected: page.corrections.map((c) => c.word),
			ignored: page.ignored.map((name) => filterLabels[name]())
		},
		limits: { chars: MAX_QUERY_LENGTH, words: MAX_QUERY_TERMS },
		results: page.results.map((r) => ({
			code: r.code,
			title: r.title,
			type: publicationTypeName(r.type),
			authors: r.authors,
			school: r.schoolName,
			schoolSlug: r.schoolSlug,
			year: r.year,
			licence: licenceName(r.licence as Licence),
			language: languageNames[r.language]?.() ?? r.language,
			lang: r.language,
			snippet: r.snippet
		}))
	};
};
