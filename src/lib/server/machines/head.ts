import type { PublicRecord } from '../domain/publications/public-records';
import { translate } from '../web/i18n';
import { rightsOf, typeName, type Locale } from './facts';

// What a publication's page tells machines: schema.org JSON-LD (a LearningResource) for
// search engines and Open Graph tags for link previews. Pure: the page hands over the record.

export interface PublicationHead {
	/** JSON for <script type="application/ld+json">: `<`, `>`, `&` and U+2028/9 escaped. */
	jsonLd: string;
	og: Array<{ property: string; content: string }>;
}

/** What the head needs from a publication; subject names already in the reader's language. */
export type HeadRecord = Pick<
	PublicRecord,
	| 'code'
	| 'type'
	| 'title'
	| 'subtitle'
	| 'abstract'
	| 'authors'
	| 'grades'
	| 'language'
	| 'year'
	| 'licence'
	| 'schoolName'
	| 'schoolSlug'
	| 'publishedAt'
> & { subjects: string[] };

const OG_LOCALES: Record<Locale, string> = { ky: 'ky_KG', ru: 'ru_RU', en: 'en_US' };

export function publicationHead(
	record: HeadRecord,
	baseUrl: string,
	locale: Locale
): PublicationHead {
	const url = `${baseUrl}/p/${record.code}`;
	const title = record.subtitle ? `${record.title}. ${record.subtitle}` : record.title;
	const rights = rightsOf(record.licence, locale);
	const type = typeName(record.type, locale);
	const data = {
		'@context': 'https://schema.org',
		'@type': 'LearningResource',
		'@id': url,
		url,
		name: title,
		...(record.abstract.trim() ? { description: record.abstract } : {}),
		author: record.authors.map((name) => ({ '@type': 'Person', name })),
		inLanguage: record.language,
		...(record.grades.length > 0
			? { educationalLevel: record.grades.map((g) => gradeName(g, locale)) }
			: {}),
		...(record.subjects.length > 0
			? {
					about: record.subjects.map((name) => ({ '@type': 'Thing', name })),
					keywords: record.subjects.join(', ')
				}
			: {}),
		learningResourceType: type,
		...(rights.url ? { license: rights.url } : { copyrightNotice: rights.text }),
		datePublished: record.publishedAt.toISOString().slice(0, 10),
		copyrightYear: record.year,
		publisher: {
			'@type': 'EducationalOrganization',
			name: record.schoolName,
			url: `${baseUrl}/s/${record.schoolSlug}`
		},
		isAccessibleForFree: true
	};
	const og: PublicationHead['og'] = [
		{ property: 'og:type', content: 'article' },
		{ property: 'og:title', content: title },
		{ property: 'og:url', content: url },
		{ property: 'og:site_name', content: translate('app_name', {}, locale) },
		{ property: 'og:locale', content: OG_LOCALES[record.language] },
		...(record.abstract.trim()
			? [{ property: 'og:description', content: shorten(record.abstract, 300) }]
			: []),
		{ property: 'article:published_time', content: record.publishedAt.toISOString() },
		...record.authors.map((name) => ({ property: 'article:author', content: name })),
		{ property: 'article:section', content: type },
		...record.subjects.map((name) => ({ property: 'article:tag', content: name }))
	];
	return { jsonLd: scriptSafeJson(data), og };
}

/** JSON that cannot end its <script> element early or be read as HTML. */
export function scriptSafeJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

function gradeName(grade: number, locale: Locale): string {
	return translate('machines_grade', { grade }, locale);
}

function shorten(value: string, max: number): string {
	const flat = value.replace(/\s+/g, ' ').trim();
	return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
