import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { makeSchool, makeUser } from '../test/factories';
import { makeGroupWorld, type GroupWorld } from '../test/groups';
import { useTestDatabase } from '../test/vitest';
import {
	adminEmailOf,
	answerOai,
	MAX_ARGUMENT_LENGTH,
	OAI_PAGE,
	parseDatestamp,
	type OaiSettings
} from './oai';
import { makeToken } from './oai-token';
import { insertPublication } from './test-publications';

const t = useTestDatabase();

// The official schemas, kept offline (tests/fixtures/oai/SOURCES.md says where from).
const schemas = path.resolve(import.meta.dirname, '../../../../tests/fixtures/oai');
const file = (fileName: string) => ({
	fileName,
	contents: readFileSync(path.join(schemas, fileName), 'utf8')
});
const preload = ['OAI-PMH.xsd', 'oai_dc.xsd', 'simpledc20021212.xsd', 'xml.xsd'].map(file);
const schema = file('harvest.xsd');

/** Fails the test unless the response is valid OAI-PMH (with oai_dc records inside). */
async function expectValid(xml: string) {
	const result = await validateXML({
		xml: { fileName: 'response.xml', contents: xml },
		schema,
		preload
	});
	expect(
		result.errors.map((e) => e.rawMessage),
		xml.slice(0, 2000)
	).toEqual([]);
	expect(result.valid).toBe(true);
}

const settings: OaiSettings = {
	baseUrl: 'https://ustat.example.kg',
	adminEmail: 'admin@ustat.example.kg',
	tokenKey: 'test-key',
	now: new Date('2026-12-07T10:00:00Z')
};

const ask = (query: string | Array<[string, string]>) =>
	answerOai(t.db, typeof query === 'string' ? [...new URLSearchParams(query)] : query, settings);

const doc = (xml: string) => parseDocument(xml, { xmlMode: true });
const all = (xml: string, name: string) =>
	DomUtils.getElementsByTagName(name, doc(xml).children, true) as Element[];
const texts = (xml: string, name: string) => all(xml, name).map((e) => DomUtils.textContent(e));
const errorCodes = (xml: string) => all(xml, 'error').map((e) => e.attribs.code);
const id = (code: string) => `oai:ustat.example.kg:${code}`;

let w: GroupWorld;
let slug: string;
let otherSlug: string;
let codes: Record<string, string>;

const day = (iso: string) => new Date(iso);

beforeEach(async () => {
	await t.db.deleteFrom('publications').execute();
	w = await makeGroupWorld(t.db);
	const base = { schoolId: w.schoolId, groupId: w.groupId, requestedBy: w.leader.id };
	const other = await makeSchool(t.db, { name: `Орус мектеби ${Math.random()}` });
	const otherGroup = await t.db
		.selectFrom('groups')
		.select('id')
		.where('id', '=', w.groupId)
		.executeTakeFirstOrThrow();
	const otherTeacher = await makeUser(t.db, { schoolId: other.id });
	slug = (
		await t.db
			.selectFrom('schools')
			.select('slug')
			.where('id', '=', w.schoolId)
			.executeTakeFirstOrThrow()
	).slug!;
	otherSlug = (
		await t.db
			.selectFrom('schools')
			.select('slug')
			.where('id', '=', other.id)
			.executeTakeFirstOrThrow()
	).slug!;
	const row = async (title: string, more: Partial<Parameters<typeof insertPublication>[1]> = {}) =>
		(await insertPublication(t.db, { ...base, title, ...more })).code;
	codes = {
		live: await row('Бөлчөктөр: ңөү менен <&> "тырмакча"', {
			publishedAt: day('2026-10-01T08:00:00.250Z'),
			meta: {
				subjectIds: ['mathematics', 'geometry'],
				abstract: 'Кыскача: \u0007 башкаруу белгиси.'
			}
		}),
		reserved: await row('Бардык укуктар', {
			licence: 'all_rights_reserved',
			publishedAt: day('2026-10-05T08:00:00Z'),
			meta: { language: 'ru', abstract: '' }
		}),
		gone: await row('Алынып салынган иш', {
			status: 'unpublished',
			publishedAt: day('2026-09-01T08:00:00Z'),
			endedAt: day('2026-11-01T08:00:00Z')
		}),
		staff: await row('Кызматтык гана иш', { audience: 'staff' }),
		waiting: await row('Макулдук күткөн иш', { status: 'awaiting_consent' }),
		refused: await row('Баш тартылган иш', { status: 'refused', endedAt: new Date() }),
		withdrawn: await row('Кайра алынган иш', { status: 'withdrawn', endedAt: new Date() }),
		other: await row('Орус тили сабагы', {
			schoolId: other.id,
			groupId: otherGroup.id,
			requestedBy: otherTeacher.id,
			publishedAt: day('2026-10-10T08:00:00Z'),
			meta: { language: 'ru' }
		})
	};
});

describe('OAI-PMH verbs (schema-valid answers)', () => {
	it('Identify names the repository and its rules', async () => {
		const xml = await ask('verb=Identify');
		await expectValid(xml);
		expect(texts(xml, 'baseURL')).toEqual(['https://ustat.example.kg/oai']);
		expect(texts(xml, 'protocolVersion')).toEqual(['2.0']);
		expect(texts(xml, 'adminEmail')).toEqual(['admin@ustat.example.kg']);
		expect(texts(xml, 'earliestDatestamp')).toEqual(['2026-09-01T08:00:00Z']);
		expect(texts(xml, 'deletedRecord')).toEqual(['persistent']);
		expect(texts(xml, 'granularity')).toEqual(['YYYY-MM-DDThh:mm:ssZ']);
		expect(all(xml, 'request')[0]!.attribs).toEqual({ verb: 'Identify' });
	});

	it('ListMetadataFormats offers oai_dc, for the repository and for one record', async () => {
		for (const query of [
			'verb=ListMetadataFormats',
			`verb=ListMetadataFormats&identifier=${id(codes.gone!)}`
		]) {
			const xml = await ask(query);
			await expectValid(xml);
			expect(texts(xml, 'metadataPrefix')).toEqual(['oai_dc']);
		}
	});

	it('ListSets has one set per school', async () => {
		const xml = await ask('verb=ListSets');
		await expectValid(xml);
		expect(texts(xml, 'setSpec')).toEqual(
			expect.arrayContaining([`school:${slug}`, `school:${otherSlug}`])
		);
	});

	it('ListRecords gives public records in Dublin Core, taken-down ones as deleted headers, nothing else', async () => {
		const xml = await ask('verb=ListRecords&metadataPrefix=oai_dc');
		await expectValid(xml);
		const identifiers = texts(xml, 'identifier');
		expect(identifiers.sort()).toEqual(
			[id(codes.live!), id(codes.reserved!), id(codes.gone!), id(codes.other!)].sort()
		);
		for (const hidden of [
			'Кызматтык',
			'Макулдук',
			'Баш тартылган',
			'Кайра алынган',
			'Алынып салынган'
		])
			expect(xml).not.toContain(hidden);
		for (const code of [codes.staff, codes.waiting, codes.refused, codes.withdrawn])
			expect(xml).not.toContain(code!);
		// Oldest datestamp first: the tombstone's datestamp is when it was taken down.
		expect(texts(xml, 'datestamp')).toEqual([
			'2026-10-01T08:00:00Z',
			'2026-10-05T08:00:00Z',
			'2026-10-10T08:00:00Z',
			'2026-11-01T08:00:00Z'
		]);
		const deleted = all(xml, 'header').filter((h) => h.attribs.status === 'deleted');
		expect(
			deleted.map((h) => DomUtils.textContent(DomUtils.getElementsByTagName('identifier', h)[0]!))
		).toEqual([id(codes.gone!)]);
		expect(all(xml, 'record')).toHaveLength(4);
		expect(all(xml, 'oai_dc:dc')).toHaveLength(3);
	});

	it('a record holds every Dublin Core field, escaped, Kyrgyz intact, illegal characters gone', async () => {
		const xml = await ask(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${id(codes.live!)}`);
		await expectValid(xml);
		expect(texts(xml, 'dc:title')).toEqual(['Бөлчөктөр: ңөү менен <&> "тырмакча"']);
		expect(xml).toContain('&lt;&amp;&gt;');
		expect(texts(xml, 'dc:creator')).toEqual(['Айгүл Өмүрбекова']);
		expect(texts(xml, 'dc:subject')).toEqual(['Математика', 'Геометрия', expect.any(String)]);
		expect(texts(xml, 'dc:description')).toEqual(['Кыскача:  башкаруу белгиси.']);
		expect(xml).not.toContain('\u0007');
		expect(texts(xml, 'dc:publisher')).toHaveLength(1);
		expect(texts(xml, 'dc:date')).toEqual(['2026']);
		expect(texts(xml, 'dc:type')[0]).toBe('Text');
		expect(texts(xml, 'dc:identifier')).toEqual([`https://ustat.example.kg/p/${codes.live}`]);
		expect(texts(xml, 'dc:language')).toEqual(['ky']);
		expect(texts(xml, 'dc:rights')).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
		expect(texts(xml, 'setSpec')).toEqual([`school:${slug}`]);
		expect(all(xml, 'request')[0]!.attribs).toMatchObject({
			verb: 'GetRecord',
			identifier: id(codes.live!)
		});
	});

	it('all rights reserved is said in words; a taken-down record is a deleted header', async () => {
		const reserved = await ask(
			`verb=GetRecord&metadataPrefix=oai_dc&identifier=${id(codes.reserved!)}`
		);
		await expectValid(reserved);
		expect(texts(reserved, 'dc:rights')).toEqual(['Все права защищены']);
		expect(texts(reserved, 'dc:language')).toEqual(['ru']);
		const gone = await ask(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${id(codes.gone!)}`);
		await expectValid(gone);
		expect(all(gone, 'header')[0]!.attribs.status).toBe('deleted');
		expect(all(gone, 'metadata')).toHaveLength(0);
	});

	it('ListIdentifiers filters by set, from and until (both granularities)', async () => {
		const bySet = await ask(`verb=ListIdentifiers&metadataPrefix=oai_dc&set=school:${otherSlug}`);
		await expectValid(bySet);
		expect(texts(bySet, 'identifier')).toEqual([id(codes.other!)]);
		const byDay = await ask(
			'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-10-01&until=2026-10-05'
		);
		await expectValid(byDay);
		expect(texts(byDay, 'identifier')).toEqual([id(codes.live!), id(codes.reserved!)]);
		// until to the second covers the record published within that second (at .250).
		const bySecond = await ask(
			'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-10-01T08:00:00Z&until=2026-10-01T08:00:00Z'
		);
		await expectValid(bySecond);
		expect(texts(bySecond, 'identifier')).toEqual([id(codes.live!)]);
		const deletedLater = await ask('verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-10-20');
		expect(texts(deletedLater, 'identifier')).toEqual([id(codes.gone!)]);
	});

	it('POST-style arguments (a form body) answer the same', async () => {
		const xml = await ask([
			['verb', 'ListIdentifiers'],
			['metadataPrefix', 'oai_dc'],
			['set', `school:${slug}`]
		]);
		await expectValid(xml);
		expect(texts(xml, 'identifier')).toHaveLength(3);
	});
});

describe('OAI-PMH paging', () => {
	it('pages through a long list with resumption tokens, cursor and completeListSize', async () => {
		const base = { schoolId: w.schoolId, groupId: w.groupId, requestedBy: w.leader.id };
		const start = Date.parse('2025-01-01T00:00:00Z');
		// Several share a datestamp: paging must go on by id within a second.
		for (let i = 0; i < OAI_PAGE + 37; i++)
			await insertPublication(t.db, {
				...base,
				title: `Сабак ${i}`,
				publishedAt: new Date(start + Math.floor(i / 3) * 1000)
			});
		const expected = OAI_PAGE + 37 + 3; // and live, reserved, gone of the world
		const seen: string[] = [];
		let query = `verb=ListRecords&metadataPrefix=oai_dc&set=school:${slug}`;
		const cursors: string[] = [];
		for (let pages = 0; pages < 5; pages++) {
			const xml = await ask(query);
			await expectValid(xml);
			seen.push(...texts(xml, 'identifier'));
			const token = all(xml, 'resumptionToken')[0];
			expect(token?.attribs.completeListSize).toBe(String(expected));
			cursors.push(token!.attribs.cursor!);
			const value = DomUtils.textContent(token!);
			if (!value) break;
			query = `verb=ListRecords&resumptionToken=${encodeURIComponent(value)}`;
		}
		expect(cursors).toEqual(['0', String(OAI_PAGE)]);
		expect(seen).toHaveLength(expected);
		expect(new Set(seen).size).toBe(expected);
	});

	it('a short list has no resumption token', async () => {
		const xml = await ask('verb=ListIdentifiers&metadataPrefix=oai_dc');
		expect(all(xml, 'resumptionToken')).toHaveLength(0);
	});
});

describe('OAI-PMH errors, as the protocol defines them', () => {
	const cases: Array<[string, string | Array<[string, string]>, string]> = [
		['no verb', '', 'badVerb'],
		['an unknown verb', 'verb=Harvest', 'badVerb'],
		['a repeated verb', 'verb=Identify&verb=Identify', 'badVerb'],
		['a verb in the wrong case', 'verb=identify', 'badVerb'],
		['an unknown argument', 'verb=Identify&foo=bar', 'badArgument'],
		[
			'a repeated argument',
			'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc',
			'badArgument'
		],
		['a missing metadataPrefix', 'verb=ListRecords', 'badArgument'],
		['GetRecord without an identifier', 'verb=GetRecord&metadataPrefix=oai_dc', 'badArgument'],
		['a bad date', 'verb=ListRecords&metadataPrefix=oai_dc&from=2026-13-01', 'badArgument'],
		[
			'a date that does not exist',
			'verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-30',
			'badArgument'
		],
		[
			'a local time',
			'verb=ListRecords&metadataPrefix=oai_dc&from=2026-10-01T08:00:00',
			'badArgument'
		],
		[
			'from after until',
			'verb=ListRecords&metadataPrefix=oai_dc&from=2026-10-02&until=2026-10-01',
			'badArgument'
		],
		[
			'mixed granularity',
			'verb=ListRecords&metadataPrefix=oai_dc&from=2026-10-01&until=2026-10-02T00:00:00Z',
			'badArgument'
		],
		['a malformed set', 'verb=ListRecords&metadataPrefix=oai_dc&set=no%20such', 'badArgument'],
		['a malformed prefix', 'verb=ListRecords&metadataPrefix=oai%20dc', 'badArgument'],
		[
			'a token with other arguments',
			'verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x',
			'badArgument'
		],
		['a 10 KB argument', `verb=ListRecords&metadataPrefix=${'a'.repeat(10 * 1024)}`, 'badArgument'],
		['too many arguments', `verb=Identify${'&x=1'.repeat(40)}`, 'badArgument'],
		['a broken token', 'verb=ListRecords&resumptionToken=%22%3Cscript%3E', 'badResumptionToken'],
		[
			'a made-up token',
			`verb=ListRecords&resumptionToken=${'A'.repeat(40)}.${'B'.repeat(22)}`,
			'badResumptionToken'
		],
		['a token for ListSets', 'verb=ListSets&resumptionToken=abc', 'badResumptionToken'],
		['another format', 'verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
		[
			'an unknown identifier',
			'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:ustat.example.kg:nosuch',
			'idDoesNotExist'
		],
		[
			'another host',
			'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.kg:abc',
			'idDoesNotExist'
		],
		[
			'formats of an unknown record',
			'verb=ListMetadataFormats&identifier=oai:ustat.example.kg:nosuch',
			'idDoesNotExist'
		],
		[
			'nothing in range',
			'verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01',
			'noRecordsMatch'
		],
		[
			'an unknown set',
			'verb=ListIdentifiers&metadataPrefix=oai_dc&set=school:no-such-school',
			'noRecordsMatch'
		],
		[
			'a set of another kind',
			'verb=ListIdentifiers&metadataPrefix=oai_dc&set=subject:mathematics',
			'noRecordsMatch'
		]
	];
	for (const [name, query, code] of cases)
		it(`${name} → ${code}`, async () => {
			const xml = await ask(query);
			await expectValid(xml);
			expect(errorCodes(xml)).toContain(code);
			const request = all(xml, 'request')[0]!;
			if (code === 'badVerb' || code === 'badArgument') expect(request.attribs).toEqual({});
		});

	it('an oversized value is refused before anything else is looked at', async () => {
		const xml = await ask([
			['verb', 'NoSuchVerb'],
			['x', 'a'.repeat(MAX_ARGUMENT_LENGTH + 1)]
		]);
		expect(errorCodes(xml)).toEqual(['badArgument']);
	});

	it('a tampered or cross-verb token is refused', async () => {
		const base = { schoolId: w.schoolId, groupId: w.groupId, requestedBy: w.leader.id };
		for (let i = 0; i < OAI_PAGE + 1; i++)
			await insertPublication(t.db, { ...base, title: `Иш ${i}` });
		const first = await ask('verb=ListIdentifiers&metadataPrefix=oai_dc');
		const token = DomUtils.textContent(all(first, 'resumptionToken')[0]!);
		expect(token).not.toBe('');
		const onOtherVerb = await ask(`verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);
		expect(errorCodes(onOtherVerb)).toEqual(['badResumptionToken']);
		const [body, signature] = token.split('.');
		const changed = `${body!.slice(0, -2)}AA.${signature}`;
		const tampered = await ask(
			`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(changed)}`
		);
		expect(errorCodes(tampered)).toEqual(['badResumptionToken']);
		// A token signed with our key but not of our shape is refused too.
		const forged = makeToken('test-key', {
			v: 1,
			k: 'I',
			m: 'oai_dc',
			d: 'x',
			i: 'y',
			c: -1
		} as never);
		const shaped = await ask(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(forged)}`);
		expect(errorCodes(shaped)).toEqual(['badResumptionToken']);
	});
});

describe('datestamps', () => {
	it('reads days and seconds, rejects what is not a real UTC time', () => {
		expect(parseDatestamp('2026-10-01', 'from')?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
		expect(parseDatestamp('2026-10-01', 'until')?.toISOString()).toBe('2026-10-01T23:59:59.999Z');
		expect(parseDatestamp('2026-10-01T08:00:00Z', 'until')?.toISOString()).toBe(
			'2026-10-01T08:00:00.999Z'
		);
		for (const bad of [
			'2026-10-1',
			'2026-10-01T25:00:00Z',
			'2026-10-01 08:00:00Z',
			'',
			'2026-10-01T08:00:00+06:00'
		])
			expect(parseDatestamp(bad, 'from')).toBeNull();
	});
});

describe('adminEmail', () => {
	it('is the address mail is sent from, else webmaster@ the deployment', () => {
		expect(adminEmailOf('Ustat <ustat@school.edu.kg>', 'https://ustat.kg')).toBe(
			'ustat@school.edu.kg'
		);
		expect(adminEmailOf('noreply@mektep.kg', 'https://ustat.kg')).toBe('noreply@mektep.kg');
		expect(adminEmailOf('Ustat <no-reply@localhost>', 'https://ustat.kg')).toBe(
			'webmaster@ustat.kg'
		);
		expect(adminEmailOf('Ustat <no-reply@localhost>', 'http://localhost:3000')).toBe(
			'webmaster@localhost.localdomain'
		);
	});
});
