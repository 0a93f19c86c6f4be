import { buildFeed } from '$lib/server/calendar/build-feed';
import { config } from '$lib/server/config.js';
import { anonymousCtx } from '$lib/server/web/context';
import type { RequestHandler } from './$types';

// A person's calendar feed, '/calendar/<token>.ics'. Calendar apps fetch it without cookies:
// the secret in the address is the credential. Every miss (never existed, replaced, turned
// off, malformed) gets the same empty 404 after the same single lookup.

const notFound = () =>
	new Response(null, { status: 404, headers: { 'cache-control': 'private, no-store' } });

export const GET: RequestHandler = async ({ params }) => {
	const { baseUrl, timeZone } = config();
	const feed = await buildFeed(anonymousCtx(), { file: params.file }, { baseUrl, timeZone });
	if (feed === null) return notFound();
	return new Response(feed, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="ustat.ics"',
			'cache-control': 'private, max-age=300'
		}
	});
};

export const HEAD: RequestHandler = async (event) => {
	const response = await GET(event);
	return new Response(null, { status: response.status, headers: response.headers });
};
