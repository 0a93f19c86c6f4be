import { asId, type UserId } from '$lib/server/domain/ids';
import { personalDataResponse } from '$lib/server/privacy/web';
import type { RequestHandler } from './$types';

/** A staff member's data, exported by their school's admin (or the operator) for a request. */
export const GET: RequestHandler = ({ locals, params, getClientAddress }) =>
	personalDataResponse(locals, asId<UserId>(params.userId), getClientAddress());
