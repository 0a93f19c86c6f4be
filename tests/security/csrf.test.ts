import { describe, expect, it } from 'vitest';
import { routeAccess } from '../../src/lib/server/access/routes';
import { crossSiteRoutes } from '../../src/lib/server/web/csrf';
import type { TestServer } from '../../src/lib/server/test/server';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { sessionTokenFor } from '../../src/lib/server/test/factories';
import { useWorld, type World } from '../integration/world';
import {
	addressOf,
	changedTables,
	declaredUses,
	fillings,
	fingerprint,
	inBatches,
	paramsOf,
	probeForm,
	type Use
} from './sweep';

// CSRF on every state-changing route (issue 16): each form action and each endpoint method
// other than GET and HEAD that routes.ts declares, posted by another site while a person who
// may use the route is signed in (the leader for the group's routes, the admin, the operator),
// in every shape a page of another site can send without asking first: a foreign Origin, no
// Origin but a foreign Referer, the opaque Origin "null", each form encoding. The rule
// (web/csrf.ts): a form posted without our own Origin is refused, 403, before anything runs,
// except on the routes listed there, which other sites' machines are meant to post to.

const evil = 'https://evil.example';

/** The routes web/csrf.ts lets other sites post to, and why that is safe. */
const exempt: Record<string, string> = {
	'/oai': 'OAI-PMH harvesters POST their queries; it only reads public records',
	'/(public)/unsubscribe/[token]':
		'mail clients post the one-click unsubscribe (RFC 8058); the signed token, not a session, names what changes'
};

/** Forged requests: what another site's page can send without a CORS preflight. */
const forgeries: {
	name: string;
	headers: Record<string, string>;
	body: 'form' | 'multipart' | 'text';
}[] = [
	{ name: 'foreign Origin', headers: { origin: evil }, body: 'form' },
	{
		name: 'no Origin, foreign Referer',
		headers: { referer: `${evil}/page.html` },
		body: 'form'
	},
	{ name: 'Origin null (sandboxed frame)', headers: { origin: 'null' }, body: 'multipart' },
	{ name: 'foreign Origin, text/plain', headers: { origin: evil }, body: 'text' },
	{ name: 'no Origin, no Referer', headers: {}, body: 'form' }
];

let server: TestServer;
let world: World;
useWorld((s, w) => {
	server = s;
	world = w;
});

/** Who may use the route: a refusal then is the CSRF check's, not a lack of rights. */
function signedInAs(route: string): keyof World['cookies'] {
	if (route.startsWith('/(app)/operator')) return 'operator';
	if (route.startsWith('/(app)/admin')) return 'adminA';
	if (route.startsWith('/(app)/groups/')) return 'leaderA';
	return 'memberA';
}

const bogus = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** The address of a use, its parameters filled with the world's objects (or a bogus token). */
function address(use: Use): string {
	const filling = fillings(use.route, world)?.[0]?.values;
	const values = filling ?? Object.fromEntries(paramsOf(use.route).map((p) => [p, bogus]));
	return addressOf(use.route, values) + (use.use.startsWith('?/') ? use.use : '');
}

function body(kind: 'form' | 'multipart' | 'text', form: Record<string, string>) {
	if (kind === 'form')
		return {
			body: new URLSearchParams(form).toString(),
			type: 'application/x-www-form-urlencoded'
		};
	if (kind === 'text')
		return {
			body: Object.entries(form)
				.map(([k, v]) => `${k}=${v}`)
				.join('\n'),
			type: 'text/plain;charset=UTF-8'
		};
	const data = new FormData();
	for (const [k, v] of Object.entries(form)) data.append(k, v);
	return { body: data, type: undefined };
}

/** A request exactly as given: no Origin added (the app's test `call` adds ours). */
async function forge(
	use: Use,
	forgery: (typeof forgeries)[number],
	form: Record<string, string>
): Promise<Response> {
	const { body: payload, type } = body(forgery.body, form);
	const headers: Record<string, string> = {
		accept: 'text/html',
		cookie: world.cookies[signedInAs(use.route)]!,
		...forgery.headers
	};
	if (type) headers['content-type'] = type;
	// FormData: fetch sets the multipart type with its boundary.
	const encoded = payload instanceof FormData ? new Response(payload) : undefined;
	if (encoded) headers['content-type'] = encoded.headers.get('content-type')!;
	return fetch(server.url + address(use), {
		method: use.method,
		headers,
		body: encoded ? new Uint8Array(await encoded.arrayBuffer()) : payload,
		redirect: 'manual'
	});
}

const writes = () =>
	declaredUses().filter((u) => u.method !== 'GET' && u.method !== 'HEAD' && !exempt[u.route]);

describe('CSRF: no state-changing route takes a form from another site', () => {
	it('the exemptions are exactly the reviewed ones', () => {
		expect([...crossSiteRoutes].sort()).toEqual(Object.keys(exempt).sort());
		for (const route of Object.keys(exempt)) expect(routeAccess[route], route).toBeDefined();
	});

	it('every action and write method refuses every forgery, and nothing changes', async () => {
		const uses = writes();
		// The routes.ts declarations reach far: every capability's forms are here.
		expect(uses.length).toBeGreaterThan(100);
		const form = probeForm(world);
		const before = await fingerprint(server.db);
		const requests = uses.flatMap((use) => forgeries.map((forgery) => ({ use, forgery })));
		const failures: string[] = [];
		await inBatches(requests, 8, async ({ use, forgery }) => {
			const response = await forge(use, forgery, form);
			await response.body?.cancel();
			if (response.status !== 403)
				failures.push(`${use.use} ${use.route} (${forgery.name}): ${response.status}`);
		});
		const after = await fingerprint(server.db);
		console.info(
			`CSRF: ${requests.length} forged requests (${uses.length} actions and methods × ` +
				`${forgeries.length} forgeries); exempt: ${Object.keys(exempt).join(', ')}`
		);
		expect(failures).toEqual([]);
		expect(changedTables(before, after), 'tables changed by forged posts').toEqual([]);
		// Signing out is a write too: every session used above is still signed in.
		for (const who of new Set(uses.map((u) => signedInAs(u.route)))) {
			const home = await fetch(`${server.url}/home`, {
				headers: { cookie: world.cookies[who]! },
				redirect: 'manual'
			});
			await home.body?.cancel();
			expect(home.status, `${who} still signed in`).toBe(200);
		}
	}, 180_000);

	// fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body: blob }) with a
	// Blob of no type sends no Content-Type at all, and needs no preflight either: the Origin
	// check counts it as a form (403); form actions would refuse it anyway (415).
	it('a post of no Content-Type from another site changes nothing', async () => {
		const uses = writes();
		const form = new URLSearchParams(probeForm(world)).toString();
		const before = await fingerprint(server.db);
		const answered: string[] = [];
		await inBatches(uses, 8, async (use) => {
			const response = await fetch(server.url + address(use), {
				method: use.method,
				headers: {
					accept: 'text/html',
					origin: evil,
					cookie: world.cookies[signedInAs(use.route)]!
				},
				body: new TextEncoder().encode(form),
				redirect: 'manual'
			});
			await response.body?.cancel();
			if (![403, 415].includes(response.status))
				answered.push(
					`${use.use} ${use.route}: ${response.status} ${response.headers.get('location') ?? ''}`
				);
		});
		const after = await fingerprint(server.db);
		console.info(`CSRF without Content-Type: ${uses.length} posts`);
		expect(answered, 'taken as if posted by our own pages').toEqual([]);
		expect(changedTables(before, after), 'tables changed').toEqual([]);
		for (const who of new Set(uses.map((u) => signedInAs(u.route)))) {
			const home = await fetch(`${server.url}/home`, {
				headers: { cookie: world.cookies[who]! },
				redirect: 'manual'
			});
			await home.body?.cancel();
			expect(home.status, `${who} still signed in`).toBe(200);
		}
	}, 120_000);

	// The Origin check counts a write of no Content-Type as a form (web/csrf.ts): /signout
	// reads no body, so before that another site could sign anyone out.
	it('/signout refuses a cross-site post of no Content-Type', async () => {
		const cookie = `${sessionCookie}=${await sessionTokenFor(server.db, world.users.victimA)}`;
		const response = await fetch(`${server.url}/signout`, {
			method: 'POST',
			headers: { origin: evil, cookie },
			body: new Uint8Array(0),
			redirect: 'manual'
		});
		await response.body?.cancel();
		expect(response.status).toBe(403);
		const home = await fetch(`${server.url}/home`, { headers: { cookie }, redirect: 'manual' });
		await home.body?.cancel();
		expect(home.status, 'still signed in').toBe(200);
	});

	it('the same post from our own pages goes through (the refusal is the Origin check)', async () => {
		const cookie = world.cookies.memberA!;
		const post = (origin: Record<string, string>, fullName: string) =>
			fetch(`${server.url}/profile?/save`, {
				method: 'POST',
				headers: {
					accept: 'text/html',
					cookie,
					'content-type': 'application/x-www-form-urlencoded',
					...origin
				},
				body: new URLSearchParams({ fullName, locale: 'ky' }).toString(),
				redirect: 'manual'
			});
		const name = async () =>
			(
				await server.db
					.selectFrom('users')
					.select('fullName')
					.where('id', '=', world.users.memberA.id)
					.executeTakeFirstOrThrow()
			).fullName;
		const forged = await post({ origin: evil }, 'Жасалма Ат');
		expect(forged.status).toBe(403);
		expect(await name()).not.toBe('Жасалма Ат');
		const own = await post({ origin: server.url }, 'Өзүнүн Аты');
		expect(own.status).toBe(303);
		expect(await name()).toBe('Өзүнүн Аты');
	});

	it('the exempt routes answer another site (they are meant to)', async () => {
		const oai = await fetch(`${server.url}/oai`, {
			method: 'POST',
			headers: { origin: evil, 'content-type': 'application/x-www-form-urlencoded' },
			body: 'verb=Identify'
		});
		expect(oai.status).toBe(200);
		expect(await oai.text()).toContain('<Identify>');
	});
});
