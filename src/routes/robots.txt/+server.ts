import { config } from '$lib/server/config.js';
import { machineResponse } from '$lib/server/machines/http';
import { robotsTxt } from '$lib/server/machines/sitemap';
import type { RequestHandler } from './$types';

/** A route, not a static file: the sitemap's address depends on BASE_URL. */
export const GET: RequestHandler = ({ locals }) =>
	machineResponse(robotsTxt(config().baseUrl), 'text/plain; charset=utf-8', locals.actor !== null);

/** Crawlers and feed readers check with HEAD first. */
export const HEAD = GET;
