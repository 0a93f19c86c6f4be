import { actorCtx } from '$lib/server/web/context';
import { personalDataResponse } from '$lib/server/privacy/web';
import type { RequestHandler } from './$types';

/** The signed-in person's own data, as one JSON file. */
export const GET: RequestHandler = ({ locals, getClientAddress }) =>
	personalDataResponse(locals, actorCtx(locals).actor.id, getClientAddress());
