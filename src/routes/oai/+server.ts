import { database } from '$lib/server/db';
import { oaiResponse, oaiSettings } from '$lib/server/machines/http';
import { answerOai } from '$lib/server/machines/oai';
import type { RequestHandler } from './$types';

/** OAI-PMH 2.0: arguments in the query string. */
export const GET: RequestHandler = async ({ url, locals }) =>
	oaiResponse(
		await answerOai(database(), [...url.searchParams], oaiSettings()),
		locals.actor !== null
	);

/** OAI-PMH 2.0: arguments in an application/x-www-form-urlencoded body (1 MB at most). */
export const POST: RequestHandler = async ({ request, locals }) => {
	const form = /^application\/x-www-form-urlencoded\b/i.test(
		request.headers.get('content-type') ?? ''
	);
	// Any other body carries no arguments the protocol knows: the answer says the verb is missing.
	const args = form ? [...new URLSearchParams(await request.text())] : [];
	return oaiResponse(await answerOai(database(), args, oaiSettings()), locals.actor !== null);
};
