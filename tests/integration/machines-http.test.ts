import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { createGroup } from '../../src/lib/server/domain/groups/create-group';
import { asId, type SchoolId } from '../../src/lib/server/domain/ids';
import { insertPublication } from '../../src/lib/server/machines/test-publications';
import { ctxOf } from '../../src/lib/server/test/context';
import { actorOf, makeUser, sessionTokenFor } from '../../src/lib/server/test/factories';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import type { User } from '../../src/lib/server/db/types';
import { charter } from '../../src/lib/server/test/groups';
import { call, startTestServer, type TestServer } from '../../src/lib/server/test/server';
import { setUp } from './world';

// The machine routes over HTTP: content types, caching, and that the app's own pipeline
// (hooks, access rules) lets harvesters and feed readers through.

let server: TestServer;
let code: string;
let slug: string;
let reader: User;

beforeAll(async () => {
	server = await startTestServer();
	const { schoolId } = await setUp(server);
	const admin = actorOf(await makeUser(server.db, { schoolId, role: 'admin' }));
	const leader = await makeUser(server.db, { schoolId, role: 'teacher' });
	reader = leader;
	const { groupId } = await createGroup(ctxOf(server.db, admin), {
		...charter,
		schoolId: asId<SchoolId>(schoolId),
		startedOn: '2026-09-01',
		leaderId: leader.id
	});
	code = (
		await insertPublication(server.db, {
			schoolId,
			groupId,
			requestedBy: leader.id,
			title: 'Бөлчөктөр: ачык сабак'
		})
	).code;
	await insertPublication(server.db, {
		schoolId,
		groupId,
		requestedBy: leader.id,
		title: 'Кызматтык гана иш',
		audience: 'staff'
	});
	slug = (
		await server.db
			.selectFrom('schools')
			.select('slug')
			.where('id', '=', schoolId)
			.executeTakeFirstOrThrow()
	).slug!;
});
afterAll(async () => {
	await server?.stop();
});

const elements = (xml: string, name: string) =>
	DomUtils.getElementsByTagName(
		name,
		parseDocument(xml, { xmlMode: true }).children,
		true
	) as Element[];

describe('machine routes over HTTP', () => {
	it('feeds are Atom, cached briefly, with absolute links to the publication', async () => {
		for (const pathname of [
			'/feed.atom',
			`/s/${slug}/feed.atom`,
			'/catalog/subjects/mathematics/feed.atom'
		]) {
			const response = await call(server, pathname);
			expect(response.status, pathname).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
			expect(response.headers.get('cache-control')).toBe('public, max-age=300');
			expect(response.headers.get('vary')).toBe('Accept-Language, Cookie');
			const xml = await response.text();
			expect(xml).not.toContain('Кызматтык');
			expect(elements(xml, 'entry')).toHaveLength(1);
			expect(xml).toContain(`${server.url}/p/${code}`);
		}
	});

	it('a signed-in reader gets a private cache (the answer may renew the session cookie)', async () => {
		const cookie = `${sessionCookie}=${await sessionTokenFor(server.db, reader)}`;
		for (const pathname of ['/feed.atom', '/sitemap.xml', '/robots.txt', '/oai?verb=Identify']) {
			const response = await call(server, pathname, { cookie });
			expect(response.status, pathname).toBe(200);
			expect(response.headers.get('cache-control'), pathname).toBe('private, max-age=300');
		}
	});

	it('the sitemap and robots.txt', async () => {
		const map = await call(server, '/sitemap.xml');
		expect(map.headers.get('content-type')).toBe('application/xml; charset=utf-8');
		const locs = elements(await map.text(), 'loc').map((e) => DomUtils.textContent(e));
		expect(locs).toEqual([
			`${server.url}/`,
			`${server.url}/catalog`,
			`${server.url}/s/${slug}`,
			`${server.url}/p/${code}`
		]);
		const robots = await call(server, '/robots.txt');
		expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await robots.text()).toContain(`Sitemap: ${server.url}/sitemap.xml`);
	});

	it('OAI-PMH answers GET and POST with valid XML', async () => {
		const schemas = path.resolve(import.meta.dirname, '../fixtures/oai');
		const file = (fileName: string) => ({
			fileName,
			contents: readFileSync(path.join(schemas, fileName), 'utf8')
		});
		const preload = ['OAI-PMH.xsd', 'oai_dc.xsd', 'simpledc20021212.xsd', 'xml.xsd'].map(file);
		const get = await call(server, '/oai?verb=ListRecords&metadataPrefix=oai_dc');
		expect(get.headers.get('content-type')).toBe('text/xml; charset=utf-8');
		const post = await call(server, '/oai', {
			form: { verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: `oai:127.0.0.1:${code}` }
		});
		for (const response of [get, post]) {
			expect(response.status).toBe(200);
			const xml = await response.text();
			const result = await validateXML({
				xml: { fileName: 'r.xml', contents: xml },
				schema: file('harvest.xsd'),
				preload
			});
			expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
			expect(elements(xml, 'dc:title').map((e) => DomUtils.textContent(e))).toEqual([
				'Бөлчөктөр: ачык сабак'
			]);
		}
		const bad = await call(server, `/oai?verb=ListRecords&metadataPrefix=${'x'.repeat(10_000)}`);
		expect(bad.status).toBe(200);
		expect(elements(await bad.text(), 'error')[0]!.attribs.code).toBe('badArgument');
	});
});
