import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { publicationsFeed } from '$lib/server/machines/atom';
import { feedResponse } from '$lib/server/machines/http';
import type { RequestHandler } from './$types';

/** Atom feed of the newest publications to interested parties, of every school. */
export const GET: RequestHandler = async ({ locals }) => {
	const feed = await publicationsFeed(
		database(),
		{ kind: 'all' },
		{ baseUrl: config().baseUrl, locale: locals.locale, now: new Date() }
	);
	return feedResponse(feed!, locals.actor !== null);
};

/** Crawlers and feed readers check with HEAD first. */
export const HEAD = GET;
