import { describe, expect, it } from 'vitest';
import { routeAccess } from '../../src/lib/server/access/routes';
import type { TestServer } from '../../src/lib/server/test/server';
import { useWorld, type World } from '../integration/world';
import {
	addressOf,
	changedTables,
	declaredUses,
	fillings,
	fingerprint,
	inBatches,
	isDenied,
	paramsOf,
	probeForm,
	send,
	type Identity,
	type Use
} from './sweep';

// The IDOR sweep (issue 16): every route that takes an object's id, filled with the objects of
// school A's group (its materials, proposals, votes, meetings, files, forms, publications…),
// asked for by people who must not reach them: another school's teacher and admin, a teacher
// of school A who is not in the group, a scientist who is not in it. Every page and file is
// refused (403, 404, or sent to sign in) and shows nothing of the object; every action is
// refused and changes nothing in the database. The route list comes from routes.ts: a new
// route with an id in its address is swept, or this file says why it cannot be.

const identities: Identity[] = ['teacherB', 'adminB', 'teacherA', 'external'];

/** Routes whose parameters are not objects' ids a stranger could swap, and why. */
const unswept: Record<string, string> = {
	'/(public)/invite/[token]':
		'the token is the credential (a secret link mailed to one person), not an object id',
	'/(public)/reset/[token]': 'the token is the credential (a secret link), not an object id',
	'/(public)/unsubscribe/[token]': 'the signed token is the credential (RFC 8058 link)',
	'/calendar/[file]': "the feed's secret token is the credential (calendar apps send no cookie)",
	'/(public)/s/[slug]': "a school's public page: public by design",
	'/(public)/s/[slug]/feed.atom': "a school's public feed: public by design",
	'/(public)/catalog/subjects/[subjectId]/feed.atom': 'a public feed of the deployment subjects',
	'/(app)/groups/[groupId]/materials/new/word/[jobId]':
		"a .doc conversion's page exists only while its job does: the permission matrix covers it (permissions-import.ts: the draft's author 200; the group's others, strangers and a bogus id 404)"
};

/**
 * What a stranger of this sweep may reach by design: teacherA is staff of the group's school
 * (the school's staff see its groups, their plans and members, §3.2, and may ask to join);
 * publications to the staff are theirs to read.
 */
const byDesign: {
	route: string;
	uses: string[];
	who: Identity[];
	objects?: RegExp;
	why: string;
}[] = [
	{
		route: '/(app)/groups/[groupId]',
		uses: ['GET', '?/join', '?/withdraw', '?/respond'],
		who: ['teacherA'],
		why:
			"the school's staff see its groups, may ask to join (and take the request back), and " +
			'answer their own invitation (none here)'
	},
	{
		route: '/(app)/groups/[groupId]/criteria',
		uses: ['GET'],
		who: ['teacherA'],
		why: "the school's staff read the criteria its groups review materials by"
	},
	{
		route: '/(app)/groups/[groupId]/revisions',
		uses: ['GET'],
		who: ['teacherA'],
		why: "the school's staff read the group's charter and its revisions"
	},
	{
		route: '/(app)/groups/[groupId]/members',
		uses: ['GET'],
		who: ['teacherA'],
		why: "the school's staff see who is in its groups"
	},
	{
		route: '/(app)/groups/[groupId]/plan',
		uses: ['GET'],
		who: ['teacherA'],
		why: "the school's staff see its groups' plans (§3.2)"
	},
	{
		route: '/(app)/groups/[groupId]/plan/[itemId]',
		uses: ['GET'],
		who: ['teacherA'],
		why: "the school's staff see its groups' plans (§3.2)"
	},
	{
		route: '/(public)/p/[code]',
		uses: ['GET'],
		who: ['teacherA'],
		objects: /code=staffCode/,
		why: "a publication to the school's staff"
	},
	{
		route: '/(public)/p/[code]/print',
		uses: ['GET'],
		who: ['teacherA'],
		objects: /code=staffCode/,
		why: "a publication to the school's staff"
	},
	{
		route: '/(public)/p/[code]/publication.pdf',
		uses: ['GET'],
		who: ['teacherA'],
		objects: /code=staffCode/,
		why: "a publication to the school's staff"
	},
	{
		route: '/(public)/p/[code]/publication.docx',
		uses: ['GET'],
		who: ['teacherA'],
		objects: /code=staffCode/,
		why: "a publication to the school's staff"
	}
];

const allowed = (use: Use, who: Identity, label: string) =>
	byDesign.find(
		(d) =>
			d.route === use.route &&
			d.uses.includes(use.use) &&
			d.who.includes(who) &&
			(!d.objects || d.objects.test(label))
	);

let server: TestServer;
let world: World;
useWorld((s, w) => {
	server = s;
	world = w;
});

/** One request of the sweep: a route's use, with its parameters filled, as one identity. */
interface Probe {
	use: Use;
	address: string;
	label: string;
	who: Identity;
}

function probes(kind: 'reads' | 'actions'): Probe[] {
	const result: Probe[] = [];
	for (const use of declaredUses()) {
		if (use.isAction !== (kind === 'actions')) continue;
		if (paramsOf(use.route).length === 0 || unswept[use.route]) continue;
		for (const filling of fillings(use.route, world) ?? [])
			for (const who of identities)
				if (!allowed(use, who, filling.label))
					result.push({
						use,
						address: addressOf(use.route, filling.values),
						label: filling.label,
						who
					});
	}
	return result;
}

/**
 * Text of school A's group that a stranger must never see: its charter, the titles and texts
 * of its objects, its files' names, its members' addresses. From the database, not a list.
 */
async function markersOf(): Promise<Map<string, string>> {
	const db = server.db;
	const groupId = world.groupId;
	const markers = new Map<string, string>();
	const add = (what: string, texts: (string | null | undefined)[]) => {
		for (const t of texts) {
			const text = t?.trim();
			// Short words ("Бөлүм") may be the interface's own; what is left is the object's.
			if (text && text.length >= 8 && !markers.has(text)) markers.set(text, what);
		}
	};
	const group = await db
		.selectFrom('groups')
		.selectAll()
		.where('id', '=', groupId)
		.executeTakeFirstOrThrow();
	add('group', [group.name, group.theme, group.problem, group.goals, group.expectedResults]);
	const byGroup = async (
		table:
			| 'materials'
			| 'proposals'
			| 'discussionThreads'
			| 'collections'
			| 'approbations'
			| 'questionnaires'
			| 'forms'
			| 'planItems'
			| 'votes',
		column: string
	) =>
		(
			(await db
				.selectFrom(table)
				.select(column as never)
				.where('groupId', '=', groupId)
				.execute()) as unknown as Record<string, string>[]
		).map((r) => r[column]);
	add('material', await byGroup('materials', 'title'));
	add('proposal', await byGroup('proposals', 'title'));
	add('proposal text', await byGroup('proposals', 'body'));
	add('discussion thread', await byGroup('discussionThreads', 'title'));
	add('collection', await byGroup('collections', 'title'));
	add('approbation', await byGroup('approbations', 'title'));
	add('questionnaire', await byGroup('questionnaires', 'title'));
	add('form', await byGroup('forms', 'title'));
	add('plan item', await byGroup('planItems', 'title'));
	add('vote question', await byGroup('votes', 'question'));
	const posts = await db
		.selectFrom('discussionPosts as p')
		.innerJoin('discussionThreads as t', 't.id', 'p.threadId')
		.select('p.body')
		.where('t.groupId', '=', groupId)
		.execute();
	add(
		'discussion post',
		posts.map((p) => p.body.replace(/<[^>]+>/g, ''))
	);
	add(
		'attachment',
		(await db.selectFrom('materialAttachments').select('name').execute()).map((r) => r.name)
	);
	add(
		'proposal file',
		(await db.selectFrom('proposalAttachments').select('name').execute()).map((r) => r.name)
	);
	add(
		'approbation file',
		(await db.selectFrom('approbationFiles').select('name').execute()).map((r) => r.name)
	);
	add(
		'answer file',
		(await db.selectFrom('formResponseFiles').select('name').execute()).map((r) => r.name)
	);
	add('answer', ['memberA-нын жеке жообу']);
	const publications = await db
		.selectFrom('publications')
		.select('title')
		.where('code', 'in', [world.staffCode, world.waitingCode])
		.execute();
	add(
		'publication',
		publications.map((p) => p.title)
	);
	add('member', [
		world.users.memberA.email,
		world.users.leaderA.email,
		world.users.externalMember.email
	]);
	return markers;
}

/** The object's text an answer shows: markers found in `body`, less the identity's baseline. */
const shown = (body: string, markers: Map<string, string>, baseline: string) =>
	[...markers]
		.filter(([text]) => body.includes(text) && !baseline.includes(text))
		.map(([text, what]) => `${what} «${text}»`);

/**
 * What each identity sees anyway: the shell of a refusal (their own name, their groups), and
 * the pages this sweep allows them by design (a refused action of the group's page shows the
 * group's page, which the school's staff may read).
 */
async function baselines(): Promise<Record<Identity, string>> {
	const nowhere = '00000000-0000-4000-8000-000000000000';
	const page: Use = { route: '', use: 'GET', method: 'GET', isAction: false };
	const result = {} as Record<Identity, string>;
	for (const who of identities) {
		const cookie = world.cookies[who];
		const addresses = [`/groups/${nowhere}`, '/operator/schools', '/home'];
		for (const d of byDesign)
			if (d.who.includes(who) && d.uses.includes('GET'))
				for (const f of fillings(d.route, world) ?? [])
					if (!d.objects || d.objects.test(f.label)) addresses.push(addressOf(d.route, f.values));
		const bodies = await Promise.all(
			addresses.map(async (address) => (await send(server, address, page, { cookie })).body)
		);
		result[who] = bodies.join('\n');
	}
	return result;
}

describe('IDOR sweep: strangers reach no object of a group', () => {
	it('every route with an id in its address is swept, or says why not', () => {
		const withParams = Object.keys(routeAccess).filter((r) => paramsOf(r).length > 0);
		expect(withParams.length).toBeGreaterThan(50);
		const cannot = withParams.filter((r) => !fillings(r, world));
		expect(
			cannot.filter((r) => !unswept[r]),
			'new routes the sweep cannot fill'
		).toEqual([]);
		expect(
			Object.keys(unswept).filter((r) => !routeAccess[r]),
			'listed here but gone from routes.ts'
		).toEqual([]);
		// A listed route the sweep now can fill should be swept instead.
		expect(Object.keys(unswept).filter((r) => fillings(r, world))).toEqual([]);
	});

	it('pages, files and endpoints: refused, and nothing of the object shown', async () => {
		const markers = await markersOf();
		expect(markers.size).toBeGreaterThan(20);
		const base = await baselines();
		const list = probes('reads');
		const failures: string[] = [];
		await inBatches(list, 8, async ({ use, address, label, who }) => {
			const answer = await send(server, address, use, { cookie: world.cookies[who] });
			const where = `${who} ${use.use} ${address} (${label})`;
			if (!isDenied(answer.response)) failures.push(`${where}: ${answer.status}`);
			const leaked = shown(answer.body, markers, base[who]);
			if (leaked.length > 0) failures.push(`${where}: shows ${leaked.join(', ')}`);
		});
		const routes = new Set(list.map((p) => p.use.route));
		console.info(
			`IDOR reads: ${list.length} requests over ${routes.size} routes, ${markers.size} markers; ` +
				`${byDesign.length} uses allowed by design, ${Object.keys(unswept).length} routes not swept`
		);
		expect(failures).toEqual([]);
	}, 120_000);

	it('actions: refused, and the database is unchanged', async () => {
		const markers = await markersOf();
		const base = await baselines();
		const form = probeForm(world);
		const list = probes('actions');
		const before = await fingerprint(server.db);
		const failures: string[] = [];
		await inBatches(list, 8, async ({ use, address, label, who }) => {
			const answer = await send(server, address, use, { cookie: world.cookies[who], form });
			const where = `${who} ${use.use} ${address} (${label})`;
			if (!isDenied(answer.response)) failures.push(`${where}: ${answer.status}`);
			const leaked = shown(answer.body, markers, base[who]);
			if (leaked.length > 0) failures.push(`${where}: shows ${leaked.join(', ')}`);
		});
		const after = await fingerprint(server.db);
		const routes = new Set(list.map((p) => p.use.route));
		console.info(`IDOR actions: ${list.length} forged posts over ${routes.size} routes`);
		expect(failures).toEqual([]);
		expect(changedTables(before, after), 'tables changed by refused posts').toEqual([]);
	}, 120_000);
});
