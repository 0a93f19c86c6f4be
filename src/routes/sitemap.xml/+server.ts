import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { machineResponse } from '$lib/server/machines/http';
import { SITEMAP_TYPE, sitemap } from '$lib/server/machines/sitemap';
import type { RequestHandler } from './$types';

/** The sitemap of everything public (sitemaps.org 0.9). */
export const GET: RequestHandler = async ({ locals }) =>
	machineResponse(await sitemap(database(), config().baseUrl), SITEMAP_TYPE, locals.actor !== null);

/** Crawlers and feed readers check with HEAD first. */
export const HEAD = GET;
