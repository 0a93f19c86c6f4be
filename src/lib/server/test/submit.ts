import { call, cookieFrom, type Call, type TestServer } from './server';

/**
 * A form posted as a browser without JavaScript does: a successful action is answered with
 * 303 to the page itself (web/form-results.ts), which the browser then opens with the
 * result's cookie. Returns that page, or the post's own answer when it was not such a
 * redirect (a failure, or a redirect elsewhere).
 */
export async function submit(server: TestServer, pathname: string, init: Call): Promise<Response> {
	const posted = await call(server, pathname, init);
	const result = cookieFrom(posted, 'ustat_result');
	const location = posted.headers.get('location');
	if (posted.status !== 303 || !result || !location) return posted;
	const cookie = [init.cookie, result].filter(Boolean).join('; ');
	return call(server, location, { cookie, headers: init.headers });
}
