import type { DB } from '../db/types';
import { listPublicRecords, type PublicRecord } from '../domain/publications/public-records';
import { XML_DECLARATION, el, leaf, utcSeconds } from './xml';

// The sitemap (sitemaps.org 0.9) of what anyone may read: the home page, the catalog, each
// school page with public work, each live public publication. One file holds at most 50,000
// addresses; the newest publications go first when there are more.

export const SITEMAP_TYPE = 'application/xml; charset=utf-8';
export const MAX_SITEMAP_URLS = 50_000;
const FIXED_PAGES = ['/', '/catalog'];

/** The sitemap document for the deployment at `baseUrl`. */
export async function sitemap(db: DB, baseUrl: string): Promise<string> {
	// Each school with public work takes one address too: leave room for them.
	const records = await listPublicRecords(db, {
		order: 'newest',
		limit: Math.floor((MAX_SITEMAP_URLS - FIXED_PAGES.length) * 0.9)
	});
	return sitemapOf(records, baseUrl);
}

/** Pure: the sitemap for these live public records. */
export function sitemapOf(records: PublicRecord[], baseUrl: string): string {
	const schools = new Map<string, Date>();
	for (const r of records) {
		const last = schools.get(r.schoolSlug);
		if (!last || r.publishedAt > last) schools.set(r.schoolSlug, r.publishedAt);
	}
	const newest = records[0]?.publishedAt;
	const url = (path: string, lastmod?: Date) =>
		el('url', {}, [
			leaf('loc', baseUrl + path),
			...(lastmod ? [leaf('lastmod', utcSeconds(lastmod))] : [])
		]);
	const urls = [
		...FIXED_PAGES.map((p) => url(p, newest)),
		...[...schools].map(([slug, at]) => url(`/s/${encodeURIComponent(slug)}`, at)),
		...records.map((r) => url(`/p/${encodeURIComponent(r.code)}`, r.publishedAt))
	].slice(0, MAX_SITEMAP_URLS);
	return (
		XML_DECLARATION +
		el('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, urls.join('\n')) +
		'\n'
	);
}

/** robots.txt: everything public may be crawled; the sitemap says where it is. */
export function robotsTxt(baseUrl: string): string {
	return ['User-agent: *', 'Allow: /', '', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n');
}
