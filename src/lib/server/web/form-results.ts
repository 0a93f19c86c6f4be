import { createHash, randomBytes } from 'node:crypto';
import { redirect, type Cookies } from '@sveltejs/kit';
import { database } from '../db';
import type { DB } from '../db/types';
import { config } from '../config.js';

// Redirect after post. A form posted without JavaScript leaves the address at `?/action` and
// a reload posts it again; so a successful post is answered with 303 to the page itself (or
// to where the action sends the person), and what the action returned, or the confirmation
// to show ("Group created"), waits in form_results for that page, a minute at most. The
// cookie carries a random key and nothing else; the row is deleted when shown. With
// JavaScript (use:enhance) nothing changes: the page stays, no reload can re-post.

const cookieName = 'ustat_result';
const KEEP_MS = 60_000;
/** A result larger than this is shown at once, as before: a cookie row is not a file store. */
export const MAX_RESULT_BYTES = 64 * 1024;

/** What a page shows after the redirect. */
export interface FormResult {
	/** What the action returned (the page reads it as its `form`). */
	result?: unknown;
	/** A confirmation's message key (flash.ts lists them), with its parameters. */
	confirmation?: { key: string; params?: Record<string, string | number> };
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

const cookieOptions = (path: string) => ({
	path,
	httpOnly: true,
	sameSite: 'lax' as const,
	secure: config().baseUrl.startsWith('https:'),
	maxAge: KEEP_MS / 1000
});

/** What SvelteKit's use:enhance sends: the page is not left, so nothing is re-posted. */
export function isEnhanced(request: Request): boolean {
	return request.headers.get('x-sveltekit-action') === 'true';
}

/** The page's own address without the action's `?/name`. */
export function pageAddress(url: URL): string {
	const search = new URLSearchParams();
	for (const [key, value] of url.searchParams) if (!key.startsWith('/')) search.append(key, value);
	const query = search.toString();
	return url.pathname + (query ? `?${query}` : '');
}

/**
 * Keeps a result for the page at `to` (a path on this site) and returns the key its cookie
 * must carry (`resultCookie`); null when too large to keep.
 */
export async function keepFormResult(
	to: string,
	payload: FormResult,
	db: DB = database()
): Promise<string | null> {
	const json = JSON.stringify(payload);
	if (Buffer.byteLength(json) > MAX_RESULT_BYTES) return null;
	const key = randomBytes(24).toString('base64url');
	await db
		.insertInto('formResults')
		.values({
			id: hash(key),
			path: to.split(/[?#]/, 1)[0]!,
			payload: json,
			expiresAt: new Date(Date.now() + KEEP_MS)
		})
		.execute();
	return key;
}

/** The Set-Cookie header that carries a kept result's key. */
export function resultCookie(cookies: Cookies, key: string): string {
	return cookies.serialize(cookieName, key, cookieOptions('/'));
}

/**
 * hooks.server.ts, after the page answered: a successful action posted without JavaScript
 * (rendered with 200; `runForm` left its result in `locals.actionResult`) becomes 303 to the
 * page itself, its result kept for it. Anything else (a failure, an action's own redirect,
 * an enhanced post, a result too large to keep) is left as it is.
 */
export async function redirectAfterPost(
	event: { request: Request; url: URL; cookies: Cookies; locals: App.Locals },
	response: Response
): Promise<Response> {
	const kept = event.locals.actionResult;
	if (!kept || response.status !== 200 || isEnhanced(event.request)) return response;
	const to = pageAddress(event.url);
	const key = await keepFormResult(to, { result: kept.value ?? null });
	if (!key) return response;
	const headers = new Headers({ location: to });
	// Cookies the action set (a new language, a session) travel with the redirect.
	for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie);
	headers.append('set-cookie', resultCookie(event.cookies, key));
	return new Response(null, { status: 303, headers });
}

/**
 * A redirect with a confirmation to show on the page it leads to ("Group created"). Works
 * with and without JavaScript: use:enhance follows the redirect and the page shows it too.
 */
export async function redirectConfirmed(
	event: { cookies: Cookies },
	to: string,
	key: string,
	params?: Record<string, string | number>
): Promise<never> {
	const resultKey = await keepFormResult(to, {
		confirmation: { key, ...(params ? { params } : {}) }
	});
	if (resultKey) event.cookies.set(cookieName, resultKey, cookieOptions('/'));
	redirect(303, to);
}

/**
 * A redirect whose page then shows `result` as its `form` (a Word import's report on the
 * editor the new material opens in), with JavaScript or without.
 */
export async function redirectWithResult(
	event: { cookies: Cookies },
	to: string,
	result: unknown
): Promise<never> {
	const resultKey = await keepFormResult(to, { result });
	if (resultKey) event.cookies.set(cookieName, resultKey, cookieOptions('/'));
	redirect(303, to);
}

/** The result waiting for this page, if any: read once (hooks.server.ts, on a GET). */
export async function takeFormResult(
	cookies: Cookies,
	url: URL,
	db: DB = database()
): Promise<FormResult | null> {
	const key = cookies.get(cookieName);
	if (!key) return null;
	const id = hash(key);
	const row = await db
		.selectFrom('formResults')
		.select(['path', 'payload', 'expiresAt'])
		.where('id', '=', id)
		.executeTakeFirst();
	// Another page (the person went elsewhere first): the row waits, then expires.
	if (row && row.path !== url.pathname) return null;
	cookies.delete(cookieName, cookieOptions('/'));
	if (!row) return null;
	await db.deleteFrom('formResults').where('id', '=', id).execute();
	if (new Date(row.expiresAt).getTime() < Date.now()) return null;
	return JSON.parse(row.payload) as FormResult;
}
