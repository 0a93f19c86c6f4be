import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { endSession } from '$lib/server/domain/accounts/sessions';
import { clearSessionCookie, sessionCookieName } from '$lib/server/web/session-cookie';
import type { RequestHandler } from './$types';

/** Ends this session on the server, not only in the browser. */
export const POST: RequestHandler = async ({ cookies }) => {
	const token = cookies.get(sessionCookieName());
	if (token) await endSession(database(), token);
	clearSessionCookie(cookies);
	redirect(303, '/signin?done=signout');
};
