import { redirectAfterPost, takeFormResult } from '$lib/server/web/form-results';
import { isCrossSiteForm } from '$lib/server/web/csrf';
import {
	isHttpError,
	isRedirect,
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkAccess } from '$lib/server/access/guard';
import { routeAccess } from '$lib/server/access/routes';
import { config } from '$lib/server/config.js';
import { closeDatabase, database, initDatabase } from '$lib/server/db';
import { withAuditContext } from '$lib/server/db/audit-capture';
import { resolveSession } from '$lib/server/domain/accounts/sessions';
import { isSetupDone } from '$lib/server/domain/schools/queries';
import { log } from '$lib/server/log';
import { fileStore } from '$lib/server/storage';
import { sweepTemporaryFiles } from '$lib/server/storage/sweep';
import { registerPeriodic, startJobRunner, stopJobRunner } from '$lib/server/jobs/runner';
import { WORKER_FILE } from '$lib/server/export/collection/render';
// Job handlers register themselves when imported.
import '$lib/server/domain/collections/compile-edition-job';
import '$lib/server/domain/materials/import-legacy-job';
import '$lib/server/notify/email/jobs';
import '$lib/server/notify/telegram/jobs';
import '$lib/server/notify/reminders';
import '$lib/server/audit/jobs';
import '$lib/server/search/workspace-jobs';
import '$lib/server/jobs/cleanup';
import { closeDueVotes } from '$lib/server/domain/votes/close-due-votes';
import { ballots } from '$lib/server/secrets';
import { translate } from '$lib/server/web/i18n';
import { failureResponse } from '$lib/server/web/failure-page';
import { sessionCookieName, setSessionCookie } from '$lib/server/web/session-cookie';
import { mustSetUpTwoFactor } from '$lib/server/web/two-factor-gate';
import { localeCookie, negotiateLocale } from '$lib/i18n/locale';
import { completeHeaders } from '$lib/server/web/security-headers.js';
import { restrictFileModes } from '$lib/server/file-modes.js';
import { withClientAddress } from '$lib/server/client-address';
import { version } from '$lib/server/version';

// A vote whose deadline passed is closed within minutes, so its decision is told without
// anyone opening it (registered here: the seal lives outside the domain modules).
registerPeriodic('votes.close_due', 5 * 60_000, async (_job, { db }) => {
	await closeDueVotes(db, ballots(), new Date());
});

export const init: ServerInit = async () => {
	// Also when started as `node build` without scripts/start.js: folders 700, files 600.
	restrictFileModes([config().dataDir, config().keyDir]);
	const handle = await initDatabase();
	// The version is told here, to the operator, and no longer by /healthz to anyone.
	log.info({ dialect: handle.dialect, baseUrl: config().baseUrl, version }, 'database ready');
	// Uploads and file writes a crash left behind (never needed after a day).
	const { dataDir, runsJobs } = config();
	void sweepTemporaryFiles([path.join(dataDir, 'tmp'), path.join(dataDir, 'files', 'tmp')]).then(
		(removed) => removed > 0 && log.info({ removed }, 'old temporary files removed'),
		(err: unknown) => log.warn({ err }, 'temporary files could not be swept')
	);
	// Background jobs (compiling collections) run in this process unless turned off.
	if (runsJobs) {
		// A deployment that copied build/ without build/workers would fail every compile.
		const workers = process.env.USTAT_WORKERS_DIR;
		if (workers && !existsSync(path.join(workers, WORKER_FILE)))
			log.error({ workers }, 'the collection render worker is missing: run `npm run build`');
		startJobRunner(handle.db, fileStore());
	}
	// adapter-node emits this after SIGTERM/SIGINT once in-flight requests have finished.
	process.once('sveltekit:shutdown' as never, async (reason: string) => {
		await stopJobRunner();
		await closeDatabase();
		log.info({ reason }, 'stopped');
	});
};

// Once setup is done it stays done: stop asking the database.
let setupDone = false;
const setupExempt = new Set(['/(public)/setup', '/healthz', '/language']);
const formBodyLimit = 1024 * 1024;

/**
 * adapter-node's BODY_SIZE_LIMIT is sized for streamed uploads; forms read whole get their
 * route's limit (1 MB unless declared). A body of unknown length only goes to upload routes.
 */
function isBodyTooLarge(event: RequestEvent): boolean {
	if (event.request.method === 'GET' || event.request.method === 'HEAD') return false;
	const action = [...event.url.searchParams.keys()].find((k) => k.startsWith('/'))?.slice(1);
	const limit = routeAccess[event.route.id ?? '']?.bodies?.[action ?? 'default'] ?? formBodyLimit;
	if (limit === 'uploads') return false;
	const declared = event.request.headers.get('content-length');
	if (declared === null) return event.request.body !== null;
	return Number(declared) > limit;
}

// Invitation, reset and calendar feed addresses carry their secret: kept out of the log.
const tokenPath = /^\/(invite|reset|calendar)\/[^/]+/;

// Every change a request makes is logged with its id and who is signed in (the audit log).
export const handle: Handle = ({ event, resolve }) => {
	const requestId = randomUUID();
	event.locals.requestId = requestId;
	const actorId = () => signedInUser(event.locals) ?? null;
	// The client address, for limits counted per client (mail sent on request).
	return withClientAddress(clientAddress(event), () =>
		withAuditContext({ requestId, actorId }, () => handleRequest({ event, resolve }))
	);
};

const handleRequest: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const { requestId } = event.locals;
	event.locals.actor = null;
	event.locals.sessionId = null;
	event.locals.session = null;
	event.locals.denied = false;
	event.locals.formResult = null;
	event.locals.locale = negotiateLocale({
		cookie: event.cookies.get(localeCookie),
		acceptLanguage: event.request.headers.get('accept-language')
	});
	let status = 500;
	try {
		const response = await guarded(event, resolve);
		status = response.status;
		return withSecurityHeaders(response, requestId);
	} catch (err) {
		// Redirects and HTTP errors thrown on purpose are SvelteKit's to answer.
		if (isRedirect(err) || isHttpError(err)) {
			status = err.status;
			throw err;
		}
		log.error({ err, reqId: requestId, route: event.route.id }, 'request failed before rendering');
		const response = failureResponse(
			event.request,
			500,
			'error_server',
			event.locals.locale,
			requestId
		);
		return withSecurityHeaders(response, requestId);
	} finally {
		log.info(
			{
				reqId: requestId,
				method: event.request.method,
				path: event.url.pathname.replace(tokenPath, '/$1/…'),
				route: event.route.id,
				status,
				ms: Math.round(performance.now() - started),
				user: signedInUser(event.locals)
			},
			'request'
		);
	}
};

/** Session → language → first-run setup → routeAccess, then the page or endpoint itself. */
async function guarded(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']) {
	const { requestId } = event.locals;
	const db = database();
	const token = event.cookies.get(sessionCookieName());
	if (token) {
		const session = await resolveSession(db, token);
		if (session) {
			event.locals.actor = session.actor;
			event.locals.sessionId = session.sessionId;
			event.locals.session = {
				id: session.sessionId,
				isSharedComputer: session.isSharedComputer,
				needsTwoFactorSetup: session.needsTwoFactorSetup
			};
			// The profile's language wins over the cookie and the browser (already a valid locale).
			event.locals.locale = session.actor.locale;
			if (session.renewedUntil) setSessionCookie(event.cookies, token, session.renewedUntil);
		}
	}
	const locale = event.locals.locale;
	if (!setupDone) setupDone = await isSetupDone(db);
	if (!setupDone && !setupExempt.has(event.route.id ?? '')) redirect(303, '/setup');

	if (isCrossSiteForm(event.request, event.url, event.route.id))
		return failureResponse(event.request, 403, 'error_forbidden', locale, requestId);

	if (isBodyTooLarge(event))
		return failureResponse(event.request, 413, 'error_body_too_large', locale, requestId);

	const verdict = await checkAccess({
		routeId: event.route.id,
		method: event.request.method,
		url: event.url,
		actor: event.locals.actor,
		params: event.params
	});
	if (verdict === 'undeclared') {
		log.error({ route: event.route.id }, 'route declares no access rule');
		return failureResponse(event.request, 500, 'error_server', locale, requestId);
	}
	if (verdict === 'signin') {
		if (routeAccess[event.route.id ?? '']?.endpoint)
			return json({ message: translate('error_signin_required'), requestId }, { status: 401 });
		// Back to the page after signing in; not an address too long to fit in a header.
		const next = encodeURIComponent(event.url.pathname + event.url.search);
		redirect(303, next.length <= 2048 ? `/signin?next=${next}` : '/signin');
	}
	// An admin or operator the deployment requires a second factor of sets it up first.
	if (mustSetUpTwoFactor(event.locals, event.route.id)) redirect(303, '/profile/security');
	if (verdict === 'deny') {
		// Actions and endpoints must not run at all: they stop here. Pages render a
		// translated 403 inside the app shell (the route group's layout throws it).
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD')
			return failureResponse(event.request, 403, 'error_forbidden', locale, requestId);
		event.locals.denied = true;
	}
	// The result of a form posted just before, for the page it redirected to.
	if (event.request.method === 'GET')
		event.locals.formResult = await takeFormResult(event.cookies, event.url, db);
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale)
	});
	return event.request.method === 'POST' ? redirectAfterPost(event, response) : response;
}

function clientAddress(event: RequestEvent): string | undefined {
	try {
		return event.getClientAddress();
	} catch {
		return undefined;
	}
}

/** Read through a function: TypeScript would keep `actor` narrowed to its initial null. */
const signedInUser = (locals: App.Locals) => locals.actor?.id;

function withSecurityHeaders(response: Response, requestId: string): Response {
	response.headers.set('x-request-id', requestId);
	// HSTS behind https, nosniff, HTML declared UTF-8 (issue 16).
	completeHeaders(response.headers, config().baseUrl);
	// Invitation and reset links carry secrets in the path: never send them as a Referer.
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (!response.headers.has('cache-control'))
		response.headers.set('cache-control', 'private, no-store');
	return response;
}

export const handleError: HandleServerError = ({ error: err, event, status, message }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	if (status >= 500) log.error({ err, reqId: requestId, route: event.route.id }, 'unhandled error');
	const text =
		status === 404
			? translate('error_not_found')
			: status >= 500
				? translate('error_server')
				: message;
	return { message: isHttpError(err) ? err.body.message : text, requestId };
};
