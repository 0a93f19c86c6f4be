// @ts-check
// Response headers every answer carries, whoever makes it: SvelteKit's pages and endpoints
// (hooks.server.ts) and the static files adapter-node serves before the hooks run
// (scripts/start.js). Plain JS so that the launcher, which has no build step, shares it.

/** A year, subdomains included: once a browser has seen https, it never tries http again. */
export const hstsValue = 'max-age=31536000; includeSubDomains';

/**
 * Headers for a response of the app at `baseUrl` (its origin, from config). HSTS only
 * behind https: over plain http it would be ignored, and on localhost it would stick.
 * @param {string} baseUrl
 * @returns {Record<string, string>}
 */
export function transportHeaders(baseUrl) {
	return {
		'x-content-type-options': 'nosniff',
		...(baseUrl.startsWith('https:') ? { 'strict-transport-security': hstsValue } : {})
	};
}

/**
 * Completes the headers of a response made by SvelteKit: the transport headers, and HTML
 * declared UTF-8 (a browser guessing the encoding may read text as markup).
 * @param {Headers} headers
 * @param {string} baseUrl
 */
export function completeHeaders(headers, baseUrl) {
	for (const [name, value] of Object.entries(transportHeaders(baseUrl))) headers.set(name, value);
	const type = headers.get('content-type');
	if (type && /^text\/html\s*(;|$)/i.test(type) && !/charset=/i.test(type))
		headers.set('content-type', 'text/html; charset=utf-8');
}

/**
 * For Node's HTTP server, before adapter-node's handler (its static files never reach the
 * hooks): sets the transport headers on every response, which a handler may still override.
 * @param {string} baseUrl
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function nodeHeaderSetter(baseUrl) {
	const headers = Object.entries(transportHeaders(baseUrl));
	return (_req, res) => {
		for (const [name, value] of headers) res.setHeader(name, value);
	};
}
