import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { ballotSeal } from '../../src/lib/server/domain/votes/seal';
import { createDiskStore } from '../../src/lib/server/storage/disk';
import { makeUser, sessionTokenFor } from '../../src/lib/server/test/factories';
import { call, startTestServer, type TestServer } from '../../src/lib/server/test/server';

// Nothing unpublished leaks (issue 14): the demo seeded into a real server, the whole public
// site crawled as anonymous and the staff site as a teacher who is in no group, and no title of
// anything not published to that audience may appear in any answer: pages, feeds, the sitemap,
// OAI-PMH, search results. The forbidden titles come from the database, not from a list.

/** Far more than the demo has: reaching it means the crawl ran away (a link loop). */
const maxPages = 3000;

let server: TestServer;
let teacherCookie: string;
let teacherSchoolId: string;

beforeAll(async () => {
	// The seed seals the demo's secret ballots with the key the server opens them with.
	const key = randomBytes(32);
	server = await startTestServer({ env: { BALLOT_KEY: key.toString('base64') } });
	await seedDemo(server.db, createDiskStore(path.join(server.dataDir, 'files')), ballotSeal(key));
	const school = await server.db
		.selectFrom('schools')
		.select('id')
		.orderBy('createdAt')
		.orderBy('id')
		.executeTakeFirstOrThrow();
	teacherSchoolId = school.id;
	// A teacher of the first school who never was in a group: the demo's, or one made here.
	const lone = await server.db
		.selectFrom('users')
		.select('id')
		.where('schoolId', '=', school.id)
		.where('role', '=', 'teacher')
		.where('isActive', '=', true)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('groupMembers')
						.select('userId')
						.whereRef('groupMembers.userId', '=', 'users.id')
				)
			)
		)
		.orderBy('email')
		.executeTakeFirst();
	const teacher = lone
		? await server.db
				.selectFrom('users')
				.selectAll()
				.where('id', '=', lone.id)
				.executeTakeFirstOrThrow()
		: await makeUser(server.db, { schoolId: school.id, role: 'teacher' });
	teacherCookie = `${sessionCookie}=${await sessionTokenFor(server.db, teacher)}`;
	console.info(`staff crawl as ${teacher.email} (${lone ? 'from the demo' : 'made here'})`);
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

// ── What may and may not appear ──────────────────────────────────────────────

interface Titles {
	/** Title → what it is, for the report. */
	forbidden: Map<string, string>;
	/**
	 * Allowed titles that contain a forbidden one (Kyrgyz adds suffixes: a plan item's
	 * «…» семинары is the start of a published «…» семинарынын презентациясы): the forbidden
	 * title counts only outside them.
	 */
	within: Map<string, string[]>;
	/** Tombstones: title → their own /p/<code> page, the only place it may appear. */
	tombstones: Map<string, string>;
	/** Titles of live publications of the audience (the crawl must find some). */
	live: { title: string; audience: string }[];
	/** Codes of publications not live for the audience, with their status. */
	hidden: { code: string; status: string; audience: string; title: string }[];
	/** Candidates left out because a plan item the viewer sees has the same title. */
	planned: string[];
}

const parse = <T>(json: string): T => JSON.parse(json) as T;
const trimmed = (titles: (string | undefined | null)[]) =>
	titles.map((t) => t?.trim()).filter((t): t is string => !!t);

/**
 * The titles a crawl as `viewer` must never meet: every material (any version's), proposal,
 * discussion thread, collection (and its sections), edition and approbation of the groups,
 * and the publications that are not live, less what a publication live for the viewer shows.
 */
async function titlesFor(viewer: { staffOf?: string }): Promise<Titles> {
	const db = server.db;
	const publications = await db.selectFrom('publications').selectAll().execute();
	const isLive = (p: (typeof publications)[number]) =>
		p.status === 'published' &&
		(p.audience === 'public' || (p.audience === 'staff' && p.schoolId === viewer.staffOf));

	const candidates = new Map<string, string>();
	const add = (what: string, titles: (string | null | undefined)[]) => {
		for (const title of trimmed(titles)) if (!candidates.has(title)) candidates.set(title, what);
	};
	// First, so that the report names them (a publication's title is its material's, often).
	for (const p of publications)
		if (!isLive(p) && p.status !== 'unpublished') add(`publication (${p.status})`, [p.title]);
	add(
		'material',
		(await db.selectFrom('materials').select('title').execute()).map((r) => r.title)
	);
	for (const v of await db.selectFrom('materialVersions').select('snapshot').execute())
		add('material version', [parse<{ title: string }>(v.snapshot).title]);
	add(
		'proposal',
		(await db.selectFrom('proposals').select('title').execute()).map((r) => r.title)
	);
	add(
		'discussion thread',
		(await db.selectFrom('discussionThreads').select('title').execute()).map((r) => r.title)
	);
	add(
		'collection',
		(await db.selectFrom('collections').select('title').execute()).map((r) => r.title)
	);
	add(
		'collection section',
		(await db.selectFrom('collectionSections').select('title').execute()).map((r) => r.title)
	);
	add(
		'approbation',
		(await db.selectFrom('approbations').select('title').execute()).map((r) => r.title)
	);
	const editions = await db.selectFrom('collectionEditions').select(['id', 'model']).execute();
	for (const e of editions) add('edition', editionTitles(e.model));
	// The group's inner work, which the school's staff see in part (plans) but nobody outside.
	if (!viewer.staffOf) {
		add(
			'plan item',
			(await db.selectFrom('planItems').select('title').execute()).map((r) => r.title)
		);
		add(
			'meeting agenda item',
			(await db.selectFrom('meetingAgendaItems').select('title').execute()).map((r) => r.title)
		);
		add(
			'questionnaire',
			(await db.selectFrom('questionnaires').select('title').execute()).map((r) => r.title)
		);
	}

	// What the live publications show, by design.
	const allowed = new Set<string>();
	const live: Titles['live'] = [];
	for (const p of publications.filter(isLive)) {
		live.push({ title: p.title, audience: p.audience });
		for (const t of publicationTitles(p.snapshot)) allowed.add(t);
		allowed.add(p.title.trim());
		if (p.editionId) {
			const edition = editions.find((e) => e.id === p.editionId);
			if (edition) for (const t of editionTitles(edition.model)) allowed.add(t);
		}
		if (p.materialId && p.materialVersion != null) {
			const version = await db
				.selectFrom('materialVersions')
				.select('snapshot')
				.where('materialId', '=', p.materialId)
				.where('number', '=', p.materialVersion)
				.executeTakeFirst();
			if (version) allowed.add(parse<{ title: string }>(version.snapshot).title.trim());
		}
	}
	const tombstones = new Map<string, string>();
	for (const p of publications)
		if (p.status === 'unpublished' && !allowed.has(p.title.trim()))
			tombstones.set(p.title.trim(), `/p/${p.code}`);
	// The school's staff see its groups' plans (§3.2): a plan item named like the material it
	// plans (an open lesson) is the plan's own text there, not the material's.
	const byDesign = new Set<string>();
	if (viewer.staffOf)
		for (const item of await db
			.selectFrom('planItems as p')
			.innerJoin('groups as g', 'g.id', 'p.groupId')
			.select('p.title')
			.where('g.schoolId', '=', viewer.staffOf)
			.execute())
			byDesign.add(item.title.trim());
	const forbidden = new Map(
		[...candidates].filter(
			([title]) => !allowed.has(title) && !tombstones.has(title) && !byDesign.has(title)
		)
	);
	const hidden = publications
		.filter((p) => !isLive(p))
		.map((p) => ({ code: p.code, status: p.status, audience: p.audience, title: p.title }));
	const planned = [...candidates.keys()].filter((t) => byDesign.has(t) && !allowed.has(t));
	const within = new Map<string, string[]>();
	for (const title of forbidden.keys()) {
		const containing = [...allowed].filter((a) => a !== title && a.includes(title));
		if (containing.length > 0) within.set(title, containing);
	}
	return { forbidden, within, tombstones, live, hidden, planned };
}

function editionTitles(model: string): string[] {
	const m = parse<{ title: string; sections?: { title: string; items: { title: string }[] }[] }>(
		model
	);
	return trimmed([
		m.title,
		...(m.sections ?? []).flatMap((s) => [s.title, ...s.items.map((i) => i.title)])
	]);
}

function publicationTitles(snapshot: string): string[] {
	const s = parse<{
		meta: { title: string };
		contents?: { title: string; items: { title: string }[] }[];
		materials?: { title: string; approbations: { title: string }[] }[];
	}>(snapshot);
	return trimmed([
		s.meta.title,
		...(s.contents ?? []).flatMap((c) => [c.title, ...c.items.map((i) => i.title)]),
		...(s.materials ?? []).flatMap((m) => [m.title, ...m.approbations.map((a) => a.title)])
	]);
}

// ── The crawler ──────────────────────────────────────────────────────────────

interface Page {
	url: string;
	status: number;
	type: string;
	/** The decoded text: text nodes and attribute values, entities decoded. */
	text: string;
	/** The body as sent, for XML (OAI-PMH headers are checked on it). */
	raw?: string;
}

/** How many months `month` ('YYYY-MM') is from this one. */
function monthsFromNow(month: string): number {
	const [year, m] = month.split('-').map(Number);
	const now = new Date();
	if (!year || !m) return 0;
	return (year - now.getUTCFullYear()) * 12 + (m - 1 - now.getUTCMonth());
}

/** Decoded text and same-origin links of an HTML or XML answer. */
function read(body: string, xml: boolean): { text: string; links: string[] } {
	const parts: string[] = [];
	const links: string[] = [];
	const walk = (nodes: ChildNode[]) => {
		for (const node of nodes) {
			if (node.type === 'text' || node.type === 'cdata' || node.type === 'comment') {
				if ('data' in node) parts.push(node.data);
			}
			if ('attribs' in node) {
				// A search form's choices (the catalog's filters): one link per option, one at a time.
				if (!xml && node.name === 'form' && (node.attribs.method ?? 'get').toLowerCase() === 'get')
					for (const select of DomUtils.getElementsByTagName('select', node.children))
						for (const option of DomUtils.getElementsByTagName('option', select.children))
							if (select.attribs.name && option.attribs.value)
								links.push(
									`${node.attribs.action ?? ''}?${new URLSearchParams({ [select.attribs.name]: option.attribs.value })}`
								);
				for (const [name, value] of Object.entries(node.attribs)) {
					parts.push(value);
					if (name === 'href' || name === 'src') links.push(value);
					if (name === 'srcset')
						links.push(...value.split(',').map((s) => s.trim().split(/\s+/)[0]!));
				}
				// Sitemap <loc>, OAI-PMH identifiers: addresses as text.
				if (xml && ['loc', 'dc:identifier', 'identifier', 'id', 'uri'].includes(node.name))
					links.push(
						node.children
							.map((c) => ('data' in c ? c.data : ''))
							.join('')
							.trim()
					);
			}
			if ('children' in node) walk(node.children);
		}
	};
	walk(parseDocument(body, { xmlMode: xml, decodeEntities: true }).children);
	return { text: parts.join('\n'), links };
}

/** Documents are fetched for their status only (their text is a binary format). */
const isDocument = (type: string) => /pdf|officedocument|octet-stream|^image\/(?!svg)/.test(type);

async function crawl(starts: string[], cookie?: string): Promise<Map<string, Page>> {
	const origin = new URL(server.url).origin;
	const pages = new Map<string, Page>();
	const queued = new Set<string>();
	const queue: string[] = [];
	const enqueue = (href: string, base: string) => {
		let url: URL;
		try {
			url = new URL(href, base);
		} catch {
			return;
		}
		if (url.origin !== origin || !/^https?:$/.test(url.protocol)) return;
		url.hash = '';
		const key = url.pathname + url.search;
		// Signing out would end the crawl's session; the language switch is a POST anyway.
		if (url.pathname === '/signout' || url.pathname.startsWith('/language')) return;
		// A calendar's "next month" never ends: a year either side of today is the demo's span.
		const month = url.searchParams.get('month');
		if (month && Math.abs(monthsFromNow(month)) > 12) return;
		if (queued.has(key)) return;
		queued.add(key);
		queue.push(key);
	};
	for (const start of starts) enqueue(start, origin);

	const fetchOne = async (key: string) => {
		const response = await call(server, key, {
			cookie,
			headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }
		});
		const type = response.headers.get('content-type') ?? '';
		const location = response.headers.get('location');
		if (location) enqueue(location, server.url + key);
		if (isDocument(type)) {
			await response.body?.cancel();
			pages.set(key, { url: key, status: response.status, type, text: '' });
			return;
		}
		const body = await response.text();
		const xml = /xml/.test(type) && !/html/.test(type);
		const { text, links } = /html|xml/.test(type)
			? read(body, xml)
			: { text: body, links: [] as string[] };
		pages.set(key, { url: key, status: response.status, type, text, raw: xml ? body : undefined });
		for (const link of links) enqueue(link, server.url + key);
	};

	// A few at a time: the server is one process on a shared machine.
	while (queue.length > 0 && pages.size < maxPages) {
		const batch = queue.splice(0, 6);
		await Promise.all(batch.map(fetchOne));
	}
	expect(queue.length, `the crawl stopped at ${maxPages} pages`).toBe(0);
	return pages;
}

/** Every page where a forbidden title appears, and tombstone titles out of their own page. */
function leaks(pages: Map<string, Page>, titles: Titles): string[] {
	const found: string[] = [];
	for (const page of pages.values()) {
		for (const [title, what] of titles.forbidden) {
			if (!page.text.includes(title)) continue;
			let rest = page.text;
			for (const allowed of titles.within.get(title) ?? [])
				rest = rest.split(allowed).join('\u0000');
			if (rest.includes(title)) found.push(`${page.url}: ${what} «${title}»`);
		}
		for (const [title, home] of titles.tombstones)
			if (page.text.includes(title) && !isOwnPage(page.url, home))
				found.push(`${page.url}: tombstone «${title}» (only on ${home})`);
	}
	// Publications not live for the viewer are not pointed at either (a title may be shared
	// with a live one, their codes are not): only a tombstone, as an OAI-PMH deleted header.
	for (const hidden of titles.hidden) {
		const code = new RegExp(`(?<![0-9a-z])${hidden.code}(?![0-9a-z])`);
		for (const page of pages.values()) {
			if (isOwnPage(page.url, `/p/${hidden.code}`) || !code.test(page.text)) continue;
			// OAI-PMH echoes the request (a GetRecord names the identifier asked for).
			let rest = page.url.startsWith('/oai') && page.raw ? page.raw : page.text;
			rest = rest.replace(/<request[^>]*>[^<]*<\/request>/, '');
			if (hidden.status === 'unpublished')
				rest = rest.replace(/<header status="deleted">[\s\S]*?<\/header>/g, '');
			if (code.test(rest))
				found.push(`${page.url}: points at ${hidden.status} ${hidden.audience} /p/${hidden.code}`);
		}
	}
	return found;
}

/** The tombstone's own page and its sub-pages (which answer with the tombstone too). */
const isOwnPage = (url: string, home: string) =>
	url === home || url.startsWith(`${home}/`) || url.startsWith(`${home}?`);

/** OAI-PMH starts: every verb the crawl can follow, resumption tokens by the links rule. */
const oaiStarts = [
	'/oai?verb=Identify',
	'/oai?verb=ListSets',
	'/oai?verb=ListMetadataFormats',
	'/oai?verb=ListRecords&metadataPrefix=oai_dc',
	'/oai?verb=ListIdentifiers&metadataPrefix=oai_dc'
];

/**
 * OAI-PMH answers the crawl cannot reach by links: resumption tokens followed to the end,
 * each school's set, and GetRecord for every identifier listed.
 */
async function oaiPages(slugs: string[]): Promise<string[]> {
	const urls: string[] = [];
	const identifiers = new Set<string>();
	const lists = ['ListRecords', 'ListIdentifiers'].flatMap((verb) => [
		`/oai?verb=${verb}&metadataPrefix=oai_dc`,
		...slugs.map((slug) => `/oai?verb=${verb}&metadataPrefix=oai_dc&set=school:${slug}`)
	]);
	for (const first of lists) {
		let url = first;
		for (let i = 0; i < 100; i++) {
			urls.push(url);
			const xml = await (await call(server, url)).text();
			for (const [, id] of xml.matchAll(/<identifier>(oai:[^<]+)<\/identifier>/g))
				identifiers.add(id!);
			const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
			if (!token) break;
			const verb = new URL(first, server.url).searchParams.get('verb')!;
			url = `/oai?verb=${verb}&resumptionToken=${encodeURIComponent(token.trim())}`;
		}
	}
	for (const id of identifiers)
		urls.push(`/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(id)}`);
	expect(identifiers.size).toBeGreaterThan(0);
	return urls;
}

const kinds = (titles: Titles) => {
	const count = new Map<string, number>();
	for (const what of titles.forbidden.values()) count.set(what, (count.get(what) ?? 0) + 1);
	return [...count].map(([what, n]) => `${what}: ${n}`).join(', ');
};

/** What a crawl covered, printed; CRAWL_DUMP=/tmp/crawl writes the addresses it visited too. */
const report = (label: string, pages: Map<string, Page>, titles: Titles) => {
	if (process.env.CRAWL_DUMP)
		fs.writeFileSync(
			`${process.env.CRAWL_DUMP}-${label.split(' ')[0]}`,
			[...pages.keys()].join('\n')
		);
	const statuses = new Map<number, number>();
	for (const p of pages.values()) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
	console.info(
		`${label}: ${pages.size} answers (${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}), ` +
			`${titles.forbidden.size} forbidden titles (${kinds(titles)}), ` +
			`${titles.tombstones.size} tombstone titles shown nowhere else, ` +
			`${titles.live.length} live publications, ${titles.hidden.length} not live` +
			(titles.planned.length ? `; also plan items: ${titles.planned.join(' | ')}` : '') +
			[...titles.within].map(([t, a]) => `; «${t}» allowed inside «${a.join('», «')}»`).join('')
	);
};

/** No non-live publication answers at its address or its documents. */
async function assertHidden(titles: Titles, cookie?: string) {
	const open: string[] = [];
	for (const { code, status } of titles.hidden) {
		for (const sub of ['', '/read', '/print', '/publication.pdf', '/publication.docx']) {
			const response = await call(server, `/p/${code}${sub}`, { cookie });
			const body = await response.text();
			// A tombstone answers at its address (410 or 200 with the notice), never its content.
			if (status === 'unpublished' && sub === '') continue;
			if (response.status === 200)
				open.push(`/p/${code}${sub} (${status}) answered 200 ${body.slice(0, 80)}`);
		}
	}
	expect(open).toEqual([]);
}

/**
 * The group's own files and documents (drafts, attachments, proposal files, editions' DOCX and
 * PDF): what is published is served at /p/<code> only, never from the group's addresses.
 */
async function groupFiles(): Promise<string[]> {
	const db = server.db;
	const materials = await db.selectFrom('materials').select(['id', 'groupId']).execute();
	const attachments = await db
		.selectFrom('materialAttachments as a')
		.innerJoin('materials as m', 'm.id', 'a.materialId')
		.select(['a.id', 'a.materialId', 'm.groupId'])
		.execute();
	const proposalFiles = await db
		.selectFrom('proposalAttachments as a')
		.innerJoin('proposals as p', 'p.id', 'a.proposalId')
		.select(['a.id', 'a.proposalId', 'p.groupId'])
		.execute();
	const editions = await db
		.selectFrom('collectionEditions as e')
		.innerJoin('collections as c', 'c.id', 'e.collectionId')
		.select(['e.number', 'e.collectionId', 'c.groupId'])
		.execute();
	return [
		...materials.flatMap((m) =>
			['material.pdf', 'material.docx'].map((f) => `/groups/${m.groupId}/materials/${m.id}/${f}`)
		),
		...attachments.map((a) => `/groups/${a.groupId}/materials/${a.materialId}/files/${a.id}`),
		...proposalFiles.map((a) => `/groups/${a.groupId}/proposals/${a.proposalId}/files/${a.id}`),
		...editions.flatMap((e) =>
			['collection.pdf', 'collection.docx'].map(
				(f) => `/groups/${e.groupId}/collections/${e.collectionId}/editions/${e.number}/${f}`
			)
		)
	];
}

/** None of the group's files answers this visitor. */
async function assertGroupFilesClosed(cookie?: string) {
	const urls = await groupFiles();
	expect(urls.length).toBeGreaterThan(20);
	const open: string[] = [];
	for (let i = 0; i < urls.length; i += 6)
		await Promise.all(
			urls.slice(i, i + 6).map(async (url) => {
				const response = await call(server, url, { cookie });
				await response.body?.cancel();
				if (response.status < 300) open.push(`${url} answered ${response.status}`);
			})
		);
	expect(open).toEqual([]);
}

/** Searches for forbidden titles, less their last word (see the anonymous crawl). */
const searches = (titles: Titles) =>
	[...titles.forbidden.keys()]
		.map((t) => t.split(/\s+/))
		.filter((words) => words.length >= 3)
		.slice(0, 20)
		.map((words) => `/catalog?q=${encodeURIComponent(words.slice(0, -1).join(' '))}`);

describe('nothing unpublished leaks', () => {
	it('the public site, crawled as anonymous', async () => {
		const titles = await titlesFor({});
		expect(titles.forbidden.size).toBeGreaterThan(20);
		const schools = await server.db.selectFrom('schools').select('slug').execute();
		const subjects = await server.db.selectFrom('subjects').select('id').execute();
		const starts = [
			'/',
			'/catalog',
			// Words of the demo's titles, published and not (a search must not find the latter).
			...['сабак', 'сабагы', 'окуу', 'математика', 'урок', 'баа', 'жыйнак', 'долбоор'].map(
				(q) => `/catalog?q=${encodeURIComponent(q)}`
			),
			// Forbidden titles searched for, less their last word: the search box shows the query,
			// so only a result can show the whole title.
			...searches(titles),
			...schools.flatMap((s) => [`/s/${s.slug}`, `/s/${s.slug}/feed.atom`]),
			'/sitemap.xml',
			'/robots.txt',
			'/feed.atom',
			...subjects.map((s) => `/catalog/subjects/${s.id}/feed.atom`),
			...oaiStarts,
			...(await oaiPages(schools.map((s) => s.slug!))),
			// A tombstone's address is permanent: people come back to it from elsewhere.
			...titles.hidden.filter((h) => h.status === 'unpublished').map((h) => `/p/${h.code}`)
		];
		const pages = await crawl(starts);
		report('anonymous crawl', pages, titles);

		// The crawl reached what is public (or it proves nothing).
		const text = [...pages.values()].map((p) => p.text).join('\n');
		const publicTitles = titles.live.filter((l) => l.audience === 'public').map((l) => l.title);
		expect(publicTitles.length).toBeGreaterThan(0);
		for (const title of publicTitles) expect(text, title).toContain(title);
		expect([...pages.keys()].some((u) => u.endsWith('/publication.pdf'))).toBe(true);
		// Tombstones are shown at their address…
		const tombstones = titles.hidden.filter((h) => h.status === 'unpublished');
		expect(tombstones.length).toBeGreaterThan(0);
		for (const { code, title } of tombstones)
			expect(pages.get(`/p/${code}`)?.text ?? '', code).toContain(title);
		// …and nowhere else: feeds, the sitemap, the catalog, OAI-PMH records (but deleted headers).
		expect(leaks(pages, titles)).toEqual([]);
		// No answer was a server error.
		expect([...pages.values()].filter((p) => p.status >= 500).map((p) => p.url)).toEqual([]);
		await assertHidden(titles);
		await assertGroupFilesClosed();
	}, 120_000);

	it('the staff site, crawled as a teacher who is in no group', async () => {
		const titles = await titlesFor({ staffOf: teacherSchoolId });
		const pages = await crawl(
			[
				'/home',
				'/school-work',
				'/groups',
				'/materials',
				'/catalog',
				'/catalog?q=сабак',
				'/consents',
				...searches(titles)
			],
			teacherCookie
		);
		report('staff crawl', pages, titles);
		expect(pages.get('/home')?.status).toBe(200);
		expect(pages.get('/school-work')?.status).toBe(200);
		const text = [...pages.values()].map((p) => p.text).join('\n');
		const staffTitles = titles.live.filter((l) => l.audience === 'staff').map((l) => l.title);
		expect(staffTitles.length).toBeGreaterThan(0);
		for (const title of staffTitles) expect(text, title).toContain(title);
		expect(leaks(pages, titles)).toEqual([]);
		expect([...pages.values()].filter((p) => p.status >= 500).map((p) => p.url)).toEqual([]);
		await assertHidden(titles, teacherCookie);
		await assertGroupFilesClosed(teacherCookie);
	}, 120_000);
});
