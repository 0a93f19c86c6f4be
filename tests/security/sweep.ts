import { sql } from 'kysely';
import { routeAccess } from '../../src/lib/server/access/routes';
import type { DB } from '../../src/lib/server/db/types';
import { call, type TestServer } from '../../src/lib/server/test/server';
import type { World } from '../integration/world';

// What the security sweeps (idor.test.ts, csrf.test.ts) share: every declared route with its
// parameters filled from the permission world's objects, the requests each route takes, a
// form carrying the world's ids, and a fingerprint of the database to prove nothing changed.

/** A request a route takes: its page (GET), a form action, or an endpoint's method. */
export interface Use {
	route: string;
	/** 'GET' for a page; 'default' or '?/name' for an action; the method for an endpoint. */
	use: string;
	method: string;
	isAction: boolean;
}

/** Every page, action and endpoint method routes.ts declares. */
export function declaredUses(): Use[] {
	const uses: Use[] = [];
	for (const [route, access] of Object.entries(routeAccess)) {
		if (access.page) uses.push({ route, use: 'GET', method: 'GET', isAction: false });
		for (const name of Object.keys(access.actions ?? {}))
			uses.push({
				route,
				use: name === 'default' ? 'default' : `?/${name}`,
				method: 'POST',
				isAction: true
			});
		for (const method of Object.keys(access.endpoint ?? {}))
			uses.push({ route, use: method, method, isAction: false });
	}
	return uses;
}

/** The parameters of a route id, in order: '/groups/[groupId]/x/[key]' → groupId, key. */
export const paramsOf = (route: string) => [...route.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);

/** The address of a route id with its parameters, less route groups like '(app)'. */
export function addressOf(route: string, values: Record<string, string>): string {
	const filled = route
		.split('/')
		.filter((s) => !/^\(.+\)$/.test(s))
		.map((s) => s.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(values[name]!)))
		.join('/');
	return filled === '' ? '/' : filled;
}

/** One way of filling a route's parameters: the values, and what they name (for reports). */
export interface Filling {
	values: Record<string, string>;
	/** e.g. 'materialId=draftId': which world object each value is. */
	label: string;
}

type Choices = [name: keyof World, value: string][];
const pick = (w: World, ...names: (keyof World)[]): Choices => names.map((n) => [n, String(w[n])]);

/**
 * The world's objects for a parameter of a route, or undefined when the sweep has none.
 * Nested objects are chosen with their parent (the attachment with its material).
 */
function choicesFor(route: string, param: string, w: World): Choices | undefined {
	const under = (part: string) => route.includes(`/${part}/`);
	switch (param) {
		case 'groupId':
			return pick(w, 'groupId');
		case 'materialId':
			// The attachment and the picture are the offered material's.
			if (under('files') || under('images')) return pick(w, 'materialId');
			return pick(w, 'materialId', 'draftId', 'documentsMaterialId');
		case 'attachmentId':
			if (under('materials')) return pick(w, 'attachmentId');
			if (under('proposals')) return pick(w, 'proposalFileId');
			return undefined;
		case 'key':
			// The material's picture; an edition or publication has none of its own here, and
			// its address with the material's picture must be refused all the same.
			if (under('materials') || under('editions') || under('p')) return pick(w, 'imageKey');
			return undefined;
		case 'itemId':
			return pick(w, 'planItemId');
		case 'meetingId':
			return pick(w, 'meetingId');
		case 'proposalId':
			return under('files') ? pick(w, 'proposalId') : pick(w, 'proposalId', 'discussedProposalId');
		case 'threadId':
			return pick(w, 'threadId');
		case 'voteId':
			return pick(w, 'voteId', 'closedVoteId');
		case 'collectionId':
			return under('editions')
				? pick(w, 'collectionId')
				: pick(w, 'collectionId', 'emptyCollectionId');
		case 'number':
			return [['collectionId', '1']];
		case 'formId':
			return pick(w, 'formsFormId', 'spareFormId');
		case 'questionnaireId':
			return under('files')
				? pick(w, 'fileQuestionnaireId')
				: pick(w, 'questionnaireId', 'fileQuestionnaireId');
		case 'fileId':
			if (under('questionnaires')) return pick(w, 'responseFileId');
			if (under('approbations')) return pick(w, 'approbationFileId');
			return undefined;
		case 'approbationId':
			return under('files')
				? pick(w, 'approbationId')
				: pick(w, 'approbationId', 'memberApprobationId');
		case 'code':
			// Publications not public: for the school's staff only, and one waiting for consent.
			return pick(w, 'staffCode', 'waitingCode');
		case 'userId':
			return [['users', w.users.victimA.id]];
		case 'schoolId':
			return pick(w, 'schoolA');
		case 'notificationId':
			return pick(w, 'inboxNotificationId');
		default:
			return undefined;
	}
}

/** Every filling of a route's parameters from the world; undefined if one cannot be filled. */
export function fillings(route: string, w: World): Filling[] | undefined {
	let result: Filling[] = [{ values: {}, label: '' }];
	for (const param of paramsOf(route)) {
		const choices = choicesFor(route, param, w);
		if (!choices) return undefined;
		result = result.flatMap((f) =>
			choices.map(([name, value]) => ({
				values: { ...f.values, [param]: value },
				label: [f.label, name === 'users' ? `${param}=victimA` : `${param}=${name}`]
					.filter(Boolean)
					.join(' ')
			}))
		);
	}
	return result;
}

/**
 * A form that names the world's objects under every field name the use cases take ids by,
 * with plausible values for the rest: a forged post that could do something if it got past
 * the access checks (a form of empty fields would only be told what is missing).
 */
export function probeForm(w: World): Record<string, string> {
	return {
		groupId: w.groupId,
		materialId: w.materialId,
		itemId: w.planItemId,
		sectionId: w.sectionId,
		meetingId: w.meetingId,
		proposalId: w.proposalId,
		threadId: w.threadId,
		postId: w.postId,
		quotedPostId: w.threadPostId,
		voteId: w.voteId,
		collectionId: w.collectionId,
		formId: w.formsFormId,
		versionId: w.formsVersionId,
		questionnaireId: w.questionnaireId,
		responseId: w.responseFileId,
		approbationId: w.approbationId,
		fileId: w.approbationFileId,
		attachmentId: w.attachmentId,
		publicationId: w.waitingId,
		userId: w.users.memberA.id,
		leaderId: w.users.teacherB.id,
		requestId: w.users.memberA.id,
		notificationId: w.inboxNotificationId,
		email: 'idor-probe@b.kg',
		title: 'IDOR-PROBE',
		name: 'IDOR-PROBE',
		body: 'IDOR-PROBE',
		text: 'IDOR-PROBE',
		reason: 'IDOR-PROBE',
		message: 'IDOR-PROBE',
		comment: 'IDOR-PROBE',
		analysis: 'IDOR-PROBE',
		question: 'IDOR-PROBE',
		label: 'IDOR-PROBE',
		role: 'admin',
		to: 'accepted',
		decision: 'consented',
		status: 'done',
		version: '1',
		revision: '1',
		shared: 'true',
		choice: 'yes',
		intent: 'send'
	};
}

export type Identity = 'teacherB' | 'adminB' | 'teacherA' | 'external';

/** Refused: forbidden, not found, or (signed out) sent to sign in. */
export function isDenied(response: Response): boolean {
	if ([401, 403, 404].includes(response.status)) return true;
	return response.status === 303 && /^\/signin(\?|$)/.test(response.headers.get('location') ?? '');
}

/** `items` run `size` at a time: the server is one process on a shared machine. */
export async function inBatches<T, R>(
	items: T[],
	size: number,
	run: (item: T) => Promise<R>
): Promise<R[]> {
	const results: R[] = [];
	for (let i = 0; i < items.length; i += size)
		results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
	return results;
}

/**
 * Tables that change by themselves while the server runs (sessions' last use, background jobs,
 * counters and logs of requests, the audit capture), left out of the fingerprint. Everything else must stay
 * exactly as it was after a refused request.
 */
const restless = new Set([
	'sessions',
	'jobs',
	'rate_events',
	'security_events',
	'login_failures',
	'mail_throttle',
	'telegram_cursor',
	'workspace_sync',
	'deliveries',
	// The audit capture copies changes of the tables compared here, and is sealed in the
	// background (audit_pending → audit_log): a change shows in its own table.
	'audit_pending',
	'audit_log',
	// Reminders (plan.due) are made by the job runner on its own clock; every other
	// notification follows a change of a compared table.
	'notifications'
]);
/** Search indexes, rebuilt in the background from the compared tables. */
const derived = ['workspace_', 'catalog_', 'search_', 'kysely_', 'sqlite_'];

/** Every row of every table but the restless ones, table by table, in a stable order. */
export async function fingerprint(db: DB): Promise<Map<string, string>> {
	const tables = (await db.introspection.getTables())
		.map((t) => t.name)
		.filter((n) => !restless.has(n) && !derived.some((p) => n.startsWith(p)));
	const result = new Map<string, string>();
	for (const table of tables) {
		const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
		result.set(
			table,
			rows.rows
				.map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))
				.sort()
				.join('\n')
		);
	}
	return result;
}

/** The tables whose rows differ between two fingerprints, with a few rows added or gone. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
	const names = new Set([...before.keys(), ...after.keys()]);
	return [...names]
		.filter((n) => before.get(n) !== after.get(n))
		.sort()
		.map((n) => {
			const was = new Set((before.get(n) ?? '').split('\n'));
			const is = new Set((after.get(n) ?? '').split('\n'));
			const added = [...is].filter((r) => !was.has(r)).slice(0, 3);
			const gone = [...was].filter((r) => !is.has(r)).slice(0, 3);
			return `${n}: +${added.join(' +')} -${gone.join(' -')}`.slice(0, 1500);
		});
}

/** A request as a browser without JavaScript sends it, read whole (its body as text). */
export async function send(
	server: TestServer,
	address: string,
	use: Use,
	init: { cookie?: string; form?: Record<string, string>; headers?: Record<string, string> }
): Promise<{ status: number; location: string | null; body: string; response: Response }> {
	const response = await call(server, address + (use.use.startsWith('?/') ? use.use : ''), {
		method: use.method,
		cookie: init.cookie,
		form: use.method === 'GET' || use.method === 'HEAD' ? undefined : init.form,
		headers: init.headers
	});
	const type = response.headers.get('content-type') ?? '';
	// Files are read for their status and a look at the start (a refusal is HTML or JSON).
	const body = /html|json|xml|text|csv/.test(type)
		? await response.text()
		: Buffer.from(await response.arrayBuffer()).toString('latin1');
	return { status: response.status, location: response.headers.get('location'), body, response };
}
