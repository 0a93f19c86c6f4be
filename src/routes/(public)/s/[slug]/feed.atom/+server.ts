import { error } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { publicationsFeed } from '$lib/server/machines/atom';
import { feedResponse } from '$lib/server/machines/http';
import { translate } from '$lib/server/web/i18n';
import type { RequestHandler } from './$types';

/** Atom feed of one school's newest publications to interested parties. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const feed = await publicationsFeed(
		database(),
		{ kind: 'school', slug: params.slug },
		{ baseUrl: config().baseUrl, locale: locals.locale, now: new Date() }
	);
	if (feed === null) error(404, translate('error_not_found'));
	return feedResponse(feed, locals.actor !== null);
};

/** Crawlers and feed readers check with HEAD first. */
export const HEAD = GET;
