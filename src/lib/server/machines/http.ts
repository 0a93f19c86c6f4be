import { config } from '../config.js';
import { ATOM_TYPE } from './atom';
import { adminEmailOf, OAI_TYPE, type OaiSettings } from './oai';

// What the machine routes share: a short cache (nothing private is ever in these answers)
// and the OAI-PMH settings taken from the configuration.

export const PUBLIC_CACHE = 'public, max-age=300';
/** A signed-in request may get its session cookie renewed: no shared cache may keep that. */
export const PRIVATE_CACHE = 'private, max-age=300';

export function machineResponse(body: string, type: string, signedIn: boolean): Response {
	return new Response(body, {
		headers: { 'content-type': type, 'cache-control': signedIn ? PRIVATE_CACHE : PUBLIC_CACHE }
	});
}

/** A feed's labels follow the reader's language (cookie, else Accept-Language): caches must too. */
export function feedResponse(body: string, signedIn: boolean): Response {
	const response = machineResponse(body, ATOM_TYPE, signedIn);
	response.headers.set('vary', 'Accept-Language, Cookie');
	return response;
}

export function oaiSettings(now = new Date()): OaiSettings {
	const { baseUrl, mailFrom } = config();
	return {
		baseUrl,
		adminEmail: adminEmailOf(mailFrom, baseUrl),
		// Tokens need only be tamper-evident (the records are public): a key every instance of
		// the deployment derives alike, so a harvest may go on through any of them.
		tokenKey: `ustat-oai-resumption:${baseUrl}`,
		now
	};
}

export const oaiResponse = (body: string, signedIn: boolean) =>
	machineResponse(body, OAI_TYPE, signedIn);
