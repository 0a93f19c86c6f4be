import type { PublicRecord } from '../domain/publications/public-records';
import { listPublicRecords } from '../domain/publications/public-records';
import type { DB } from '../db/types';
import { translate } from '../web/i18n';
import {
	rightsOf,
	subjectNamesById,
	subjectsIn,
	typeName,
	type Locale,
	type SubjectNames
} from './facts';
import { XML_DECLARATION, el, leaf, utcSeconds } from './xml';

// Atom feeds (RFC 4287) of new publications to interested parties: everything, one school's,
// or one subject's. Live publications only (a feed announces; taking down is OAI-PMH's job).

export const FEED_SIZE = 50;
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

export type FeedScope =
	{ kind: 'all' } | { kind: 'school'; slug: string } | { kind: 'subject'; subjectId: string };

export interface FeedOptions {
	baseUrl: string;
	locale: Locale;
	/** Used for `updated` when the feed is empty. */
	now: Date;
}

/** The feed's address (rel=self) and the page it follows (rel=alternate). */
export function feedPaths(scope: FeedScope): { self: string; alternate: string } {
	switch (scope.kind) {
		case 'all':
			return { self: '/feed.atom', alternate: '/catalog' };
		case 'school':
			return { self: `/s/${scope.slug}/feed.atom`, alternate: `/s/${scope.slug}` };
		case 'subject':
			return {
				self: `/catalog/subjects/${encodeURIComponent(scope.subjectId)}/feed.atom`,
				alternate: `/catalog?subject=${encodeURIComponent(scope.subjectId)}`
			};
	}
}

/** The newest public publications in `scope` as an Atom document, or null: no such school or subject. */
export async function publicationsFeed(
	db: DB,
	scope: FeedScope,
	options: FeedOptions
): Promise<string | null> {
	const subjects = await subjectNamesById(db);
	let title: string;
	if (scope.kind === 'school') {
		const school = await db
			.selectFrom('schools')
			.select('name')
			.where('slug', '=', scope.slug)
			.executeTakeFirst();
		if (!school) return null;
		title = translate('machines_feed_title_school', { school: school.name }, options.locale);
	} else if (scope.kind === 'subject') {
		const subject = subjects.get(scope.subjectId);
		if (!subject) return null;
		title = translate(
			'machines_feed_title_subject',
			{ subject: subject[options.locale] },
			options.locale
		);
	} else {
		title = translate('machines_feed_title', {}, options.locale);
	}
	const records = await listPublicRecords(db, {
		order: 'newest',
		limit: FEED_SIZE,
		schoolSlug: scope.kind === 'school' ? scope.slug : undefined,
		subjectId: scope.kind === 'subject' ? scope.subjectId : undefined
	});
	return atomFeed(records, subjects, { ...options, title, paths: feedPaths(scope) });
}

/** Pure: the Atom document for these records. */
export function atomFeed(
	records: PublicRecord[],
	subjects: Map<string, SubjectNames>,
	options: FeedOptions & { title: string; paths: { self: string; alternate: string } }
): string {
	const { baseUrl, locale } = options;
	const self = baseUrl + options.paths.self;
	const newest = records.reduce<Date | null>(
		(max, r) => (max === null || r.publishedAt > max ? r.publishedAt : max),
		null
	);
	const head = [
		leaf('id', self),
		leaf('title', options.title),
		leaf('subtitle', translate('machines_feed_subtitle', {}, locale)),
		leaf('updated', utcSeconds(newest ?? options.now)),
		el('link', { rel: 'self', type: 'application/atom+xml', href: self }),
		el('link', { rel: 'alternate', type: 'text/html', href: baseUrl + options.paths.alternate }),
		// Entries name their own authors; the feed's author covers any that has none.
		el('author', {}, [leaf('name', translate('app_name', {}, locale)), leaf('uri', baseUrl)]),
		el('generator', { uri: baseUrl }, translate('app_name', {}, locale))
	];
	const entries = records.map((r) => entry(r, subjects, baseUrl, locale));
	return (
		XML_DECLARATION +
		el('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': locale }, [
			...head,
			...entries
		]) +
		'\n'
	);
}

function entry(
	record: PublicRecord,
	subjects: Map<string, SubjectNames>,
	baseUrl: string,
	locale: Locale
): string {
	const url = `${baseUrl}/p/${record.code}`;
	const title = record.subtitle ? `${record.title}. ${record.subtitle}` : record.title;
	const rights = rightsOf(record.licence, locale);
	return el('entry', { 'xml:lang': record.language }, [
		leaf('id', url),
		leaf('title', title),
		el('link', { rel: 'alternate', type: 'text/html', href: url }),
		leaf('published', utcSeconds(record.publishedAt)),
		leaf('updated', utcSeconds(record.publishedAt)),
		...record.authors.map((name) => el('author', {}, leaf('name', name))),
		...(record.abstract.trim() ? [leaf('summary', record.abstract, { type: 'text' })] : []),
		el('category', {
			term: record.type,
			scheme: `${baseUrl}/catalog#type`,
			label: typeName(record.type, locale)
		}),
		...subjectsIn(subjects, record.subjectIds, locale).map((s) =>
			el('category', { term: s.id, scheme: `${baseUrl}/catalog#subject`, label: s.name })
		),
		leaf('rights', rights.url ?? rights.text),
		// The school that published it (Atom has no publisher element).
		el('link', {
			rel: 'related',
			type: 'text/html',
			href: `${baseUrl}/s/${record.schoolSlug}`,
			title: record.schoolName
		})
	]);
}
