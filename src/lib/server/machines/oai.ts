import type { DB } from '../db/types';
import {
	earliestDatestamp,
	getPublicRecord,
	listPublicRecords,
	type PublicRecord,
	type PublicRecordQuery
} from '../domain/publications/public-records';
import { translate } from '../web/i18n';
import { rightsOf, subjectNamesById, subjectsIn, typeName, type SubjectNames } from './facts';
import { makeToken, readToken, type TokenPayload } from './oai-token';
import { XML_DECLARATION, el, leaf, utcSeconds } from './xml';

// OAI-PMH 2.0 (https://www.openarchives.org/OAI/openarchivesprotocol.html) over the
// publications to interested parties, in Dublin Core (oai_dc), so that libraries can harvest
// the catalog. Every problem is answered as the protocol says: HTTP 200 with <error code>.
// Sets: one per school, `school:<slug>`. Taken-down publications stay as deleted headers
// (deletedRecord: persistent).

export const OAI_TYPE = 'text/xml; charset=utf-8';
/** Records (or headers) per page of ListRecords / ListIdentifiers. */
export const OAI_PAGE = 100;
/** Longer values are refused before any work (a resumption token is about 300 characters). */
export const MAX_ARGUMENT_LENGTH = 2000;
export const MAX_ARGUMENTS = 12;
/** completeListSize is counted up to this many records; a longer list leaves it out. */
const COUNT_LIMIT = 10_000;

const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
const OAI_DC_XSD = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

const verbs = {
	Identify: { required: [], optional: [] },
	ListMetadataFormats: { required: [], optional: ['identifier'] },
	ListSets: { required: [], optional: [] },
	ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'] },
	ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'] },
	GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] }
} as const;
type Verb = keyof typeof verbs;
/** Verbs that page, and so take a resumptionToken as their only other argument. */
const paged = new Set<Verb>(['ListSets', 'ListIdentifiers', 'ListRecords']);

export type OaiErrorCode =
	| 'badArgument'
	| 'badResumptionToken'
	| 'badVerb'
	| 'cannotDisseminateFormat'
	| 'idDoesNotExist'
	| 'noRecordsMatch'
	| 'noMetadataFormats'
	| 'noSetHierarchy';

export interface OaiSettings {
	/** The deployment's address (config().baseUrl), without a trailing slash. */
	baseUrl: string;
	adminEmail: string;
	/** Signs resumption tokens. */
	tokenKey: string;
	now: Date;
}

interface OaiError {
	code: OaiErrorCode;
	message: string;
}
const fail = (code: OaiErrorCode, message: string): OaiError => ({ code, message });

/** Syntax from the protocol's schema: what may be echoed back in <request>. */
const METADATA_PREFIX = /^[A-Za-z0-9\-_.!~*'()]+$/;
const SET_SPEC = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * The answer to one request: `args` are the request's arguments in order (from the query
 * string of a GET, or the body of a POST), repeated ones included.
 */
export async function answerOai(
	db: DB,
	args: Array<[string, string]>,
	settings: OaiSettings
): Promise<string> {
	const respond = (request: Record<string, string> | null, body: string | OaiError[]) =>
		envelope(settings, request, body);

	// Size first: nothing else is looked at when a request is oversized.
	if (
		args.length > MAX_ARGUMENTS ||
		args.some(([k, v]) => k.length > 64 || v.length > MAX_ARGUMENT_LENGTH)
	)
		return respond(null, [fail('badArgument', 'The request has too many or too long arguments.')]);

	const verbValues = args.filter(([k]) => k === 'verb').map(([, v]) => v);
	if (verbValues.length !== 1 || !Object.hasOwn(verbs, verbValues[0]!))
		return respond(null, [
			fail(
				'badVerb',
				verbValues.length > 1
					? 'The verb argument is repeated.'
					: verbValues.length === 0
						? 'The verb argument is missing.'
						: 'The verb is not one of the six OAI-PMH verbs.'
			)
		]);
	const verb = verbValues[0] as Verb;

	const checked = checkArguments(verb, args);
	if ('errors' in checked) return respond(null, checked.errors);
	const request = { verb, ...checked.values };
	const answer = await run(db, verb, checked.values, settings);
	return respond(request, answer);
}

/** The arguments of `verb`: each known, given once, the required ones there, well-formed. */
function checkArguments(
	verb: Verb,
	args: Array<[string, string]>
): { values: Record<string, string> } | { errors: OaiError[] } {
	const spec = verbs[verb];
	const values: Record<string, string> = {};
	const errors: OaiError[] = [];
	const allowed = new Set<string>([
		...spec.required,
		...spec.optional,
		...(paged.has(verb) ? ['resumptionToken'] : [])
	]);
	for (const [key, value] of args) {
		if (key === 'verb') continue;
		if (!allowed.has(key)) errors.push(fail('badArgument', `${key}: not an argument of ${verb}.`));
		else if (Object.hasOwn(values, key))
			errors.push(fail('badArgument', `${key}: given more than once.`));
		else values[key] = value;
	}
	if (errors.length > 0) return { errors };
	if ('resumptionToken' in values) {
		if (Object.keys(values).length > 1)
			return { errors: [fail('badArgument', 'resumptionToken is an exclusive argument.')] };
		return { values };
	}
	for (const key of spec.required)
		if (!(key in values)) errors.push(fail('badArgument', `${key}: required by ${verb}.`));
	if (values.metadataPrefix !== undefined && !METADATA_PREFIX.test(values.metadataPrefix))
		errors.push(fail('badArgument', 'metadataPrefix: not a valid prefix.'));
	if (values.set !== undefined && !SET_SPEC.test(values.set))
		errors.push(fail('badArgument', 'set: not a valid setSpec.'));
	if (values.identifier !== undefined && !/^[^\s<>"{}|\\^`]+$/.test(values.identifier))
		errors.push(fail('badArgument', 'identifier: not a valid identifier.'));
	for (const key of ['from', 'until'] as const)
		if (values[key] !== undefined && !parseDatestamp(values[key], key))
			errors.push(fail('badArgument', `${key}: not a date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).`));
	if (errors.length === 0 && values.from && values.until) {
		if (values.from.length !== values.until.length)
			errors.push(fail('badArgument', 'from and until have different granularities.'));
		else if (parseDatestamp(values.from, 'from')! > parseDatestamp(values.until, 'until')!)
			errors.push(fail('badArgument', 'from is later than until.'));
	}
	return errors.length > 0 ? { errors } : { values };
}

/** A datestamp argument as a bound: `until` covers its whole day or second. */
export function parseDatestamp(value: string, bound: 'from' | 'until'): Date | null {
	const match = DAY.exec(value) ?? SECOND.exec(value);
	if (!match) return null;
	const [y, mo, d, h = '0', mi = '0', s = '0'] = match.slice(1).map((x) => x ?? '0');
	const date = new Date(
		Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
	);
	// Date.UTC rolls 2026-02-30 over to March: a date that does not exist is refused.
	if (
		date.getUTCFullYear() !== Number(y) ||
		date.getUTCMonth() !== Number(mo) - 1 ||
		date.getUTCDate() !== Number(d) ||
		date.getUTCHours() !== Number(h) ||
		date.getUTCMinutes() !== Number(mi) ||
		date.getUTCSeconds() !== Number(s)
	)
		return null;
	if (bound === 'from') return date;
	return new Date(date.getTime() + (value.length === 10 ? 86_400_000 : 1000) - 1);
}

async function run(
	db: DB,
	verb: Verb,
	args: Record<string, string>,
	settings: OaiSettings
): Promise<string | OaiError[]> {
	switch (verb) {
		case 'Identify':
			return identify(db, settings);
		case 'ListMetadataFormats':
			return listMetadataFormats(db, args.identifier, settings);
		case 'ListSets':
			return listSets(db, args.resumptionToken);
		case 'GetRecord':
			return getRecord(db, args.identifier!, args.metadataPrefix!, settings);
		case 'ListIdentifiers':
		case 'ListRecords':
			return listRecords(db, verb, args, settings);
	}
}

async function identify(db: DB, settings: OaiSettings): Promise<string> {
	const earliest = (await earliestDatestamp(db)) ?? settings.now;
	return el('Identify', {}, [
		leaf('repositoryName', translate('machines_repository_name', {}, 'ky')),
		leaf('baseURL', baseURL(settings)),
		leaf('protocolVersion', '2.0'),
		leaf('adminEmail', settings.adminEmail),
		leaf('earliestDatestamp', utcSeconds(earliest)),
		leaf('deletedRecord', 'persistent'),
		leaf('granularity', 'YYYY-MM-DDThh:mm:ssZ')
	]);
}

const oaiDcFormat = el('metadataFormat', {}, [
	leaf('metadataPrefix', 'oai_dc'),
	leaf('schema', OAI_DC_XSD),
	leaf('metadataNamespace', OAI_DC_NS)
]);

async function listMetadataFormats(
	db: DB,
	identifier: string | undefined,
	settings: OaiSettings
): Promise<string | OaiError[]> {
	if (identifier !== undefined && !(await recordOf(db, identifier, settings)))
		return [fail('idDoesNotExist', 'No record has this identifier.')];
	// Every record, live or deleted, can be disseminated in oai_dc.
	return el('ListMetadataFormats', {}, oaiDcFormat);
}

async function listSets(db: DB, token: string | undefined): Promise<string | OaiError[]> {
	// All sets fit in one answer: no token was ever given out.
	if (token !== undefined) return [fail('badResumptionToken', 'This list has no more pages.')];
	const schools = await db
		.selectFrom('schools')
		.select(['name', 'slug'])
		.where('slug', 'is not', null)
		.orderBy('name')
		.orderBy('slug')
		.execute();
	const sets = schools.filter((s) => SET_SPEC.test(`school:${s.slug}`));
	if (sets.length === 0) return [fail('noSetHierarchy', 'There are no sets yet.')];
	return el(
		'ListSets',
		{},
		sets.map((s) => el('set', {}, [leaf('setSpec', `school:${s.slug}`), leaf('setName', s.name)]))
	);
}

async function getRecord(
	db: DB,
	identifier: string,
	prefix: string,
	settings: OaiSettings
): Promise<string | OaiError[]> {
	const record = await recordOf(db, identifier, settings);
	if (!record) return [fail('idDoesNotExist', 'No record has this identifier.')];
	if (prefix !== 'oai_dc') return [fail('cannotDisseminateFormat', 'Only oai_dc is disseminated.')];
	const subjects = await subjectNamesById(db);
	return el('GetRecord', {}, recordXml(record, subjects, settings));
}

async function listRecords(
	db: DB,
	verb: 'ListIdentifiers' | 'ListRecords',
	args: Record<string, string>,
	settings: OaiSettings
): Promise<string | OaiError[]> {
	const kind = verb === 'ListRecords' ? 'R' : 'I';
	let state: Omit<TokenPayload, 'd' | 'i'> & { d?: string; i?: string };
	if (args.resumptionToken !== undefined) {
		const token = readToken(settings.tokenKey, args.resumptionToken);
		if (!token || token.k !== kind)
			return [fail('badResumptionToken', 'The resumption token is not valid.')];
		state = token;
	} else {
		if (args.metadataPrefix !== 'oai_dc')
			return [fail('cannotDisseminateFormat', 'Only oai_dc is disseminated.')];
		const set = args.set;
		// Sets are schools; any other set holds nothing.
		if (set !== undefined && !/^school:[a-z0-9-]+$/.test(set))
			return [fail('noRecordsMatch', 'No records are in this set.')];
		state = {
			v: 1,
			k: kind,
			m: 'oai_dc',
			s: set?.slice('school:'.length),
			f: args.from ? parseDatestamp(args.from, 'from')!.toISOString() : undefined,
			u: args.until ? parseDatestamp(args.until, 'until')!.toISOString() : undefined,
			c: 0
		};
	}
	const query: PublicRecordQuery = {
		order: 'oldest',
		withDeleted: true,
		limit: OAI_PAGE + 1,
		schoolSlug: state.s,
		from: state.f ? new Date(state.f) : undefined,
		until: state.u ? new Date(state.u) : undefined,
		after: state.d && state.i ? { datestamp: new Date(state.d), id: state.i } : undefined
	};
	const found = await listPublicRecords(db, query);
	const page = found.slice(0, OAI_PAGE);
	if (page.length === 0) {
		if (args.resumptionToken !== undefined)
			return [fail('badResumptionToken', 'The list this token belongs to has changed.')];
		return [fail('noRecordsMatch', 'No records match the request.')];
	}
	const more = found.length > OAI_PAGE;
	const cursor = state.c;
	// Counted once, on the first page of a list that needs more than one.
	let total = state.n;
	if (args.resumptionToken === undefined && more) total = await countRecords(db, query);
	else if (args.resumptionToken === undefined) total = page.length;
	const last = page[page.length - 1]!;
	const sizes = { completeListSize: total, cursor };
	const resumption =
		more || cursor > 0
			? el(
					'resumptionToken',
					sizes,
					more
						? makeToken(settings.tokenKey, {
								...state,
								n: total,
								d: last.datestamp.toISOString(),
								i: last.id,
								c: cursor + page.length
							})
						: ''
				)
			: '';
	const subjects = verb === 'ListRecords' ? await subjectNamesById(db) : new Map();
	const items = page.map((r) =>
		verb === 'ListRecords' ? recordXml(r, subjects, settings) : headerXml(r, settings)
	);
	return el(verb, {}, [...items, resumption]);
}

/** How many records the list holds, up to COUNT_LIMIT; beyond that, not said. */
async function countRecords(db: DB, query: PublicRecordQuery): Promise<number | undefined> {
	const all = await listPublicRecords(db, { ...query, after: undefined, limit: COUNT_LIMIT + 1 });
	return all.length > COUNT_LIMIT ? undefined : all.length;
}

/** The record an OAI identifier names (oai:<host>:<code>), or null. */
async function recordOf(
	db: DB,
	identifier: string,
	settings: OaiSettings
): Promise<PublicRecord | null> {
	const prefix = `oai:${hostOf(settings)}:`;
	if (!identifier.startsWith(prefix)) return null;
	const code = identifier.slice(prefix.length);
	if (!/^[a-z0-9]{1,32}$/.test(code)) return null;
	return getPublicRecord(db, code);
}

export function oaiIdentifier(settings: Pick<OaiSettings, 'baseUrl'>, code: string): string {
	return `oai:${hostOf(settings)}:${code}`;
}

const hostOf = (settings: Pick<OaiSettings, 'baseUrl'>) => new URL(settings.baseUrl).hostname;
const baseURL = (settings: OaiSettings) => `${settings.baseUrl}/oai`;

function headerXml(record: PublicRecord, settings: OaiSettings): string {
	return el('header', record.deletedAt ? { status: 'deleted' } : {}, [
		leaf('identifier', oaiIdentifier(settings, record.code)),
		leaf('datestamp', utcSeconds(record.datestamp)),
		...(record.schoolSlug ? [leaf('setSpec', `school:${record.schoolSlug}`)] : [])
	]);
}

function recordXml(
	record: PublicRecord,
	subjects: Map<string, SubjectNames>,
	settings: OaiSettings
): string {
	// A deleted record is its header alone.
	if (record.deletedAt) return el('record', {}, headerXml(record, settings));
	return el('record', {}, [
		headerXml(record, settings),
		el('metadata', {}, dublinCore(record, subjects, settings.baseUrl))
	]);
}

/** The record in unqualified Dublin Core (oai_dc). */
export function dublinCore(
	record: PublicRecord,
	subjects: Map<string, SubjectNames>,
	baseUrl: string
): string {
	const lang = record.language;
	const rights = rightsOf(record.licence, lang);
	const title = record.subtitle ? `${record.title}. ${record.subtitle}` : record.title;
	return el(
		'oai_dc:dc',
		{
			'xmlns:oai_dc': OAI_DC_NS,
			'xmlns:dc': DC_NS,
			'xmlns:xsi': XSI_NS,
			'xsi:schemaLocation': `${OAI_DC_NS} ${OAI_DC_XSD}`
		},
		[
			leaf('dc:title', title, { 'xml:lang': lang }),
			...record.authors.map((name) => leaf('dc:creator', name)),
			...subjectsIn(subjects, record.subjectIds, lang).map((s) =>
				leaf('dc:subject', s.name, { 'xml:lang': lang })
			),
			leaf('dc:subject', typeName(record.type, lang), { 'xml:lang': lang }),
			...(record.abstract.trim()
				? [leaf('dc:description', record.abstract, { 'xml:lang': lang })]
				: []),
			leaf('dc:publisher', record.schoolName),
			leaf('dc:date', String(record.year)),
			leaf('dc:type', 'Text'),
			leaf('dc:type', typeName(record.type, lang), { 'xml:lang': lang }),
			leaf('dc:format', 'text/html'),
			leaf('dc:identifier', `${baseUrl}/p/${record.code}`),
			leaf('dc:language', lang),
			leaf('dc:rights', rights.url ?? rights.text)
		]
	);
}

function envelope(
	settings: OaiSettings,
	request: Record<string, string> | null,
	body: string | OaiError[]
): string {
	const content =
		typeof body === 'string'
			? body
			: body.map((e) => leaf('error', e.message, { code: e.code })).join('');
	return (
		XML_DECLARATION +
		el(
			'OAI-PMH',
			{
				xmlns: OAI_NS,
				'xmlns:xsi': XSI_NS,
				'xsi:schemaLocation': `${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd`
			},
			[
				leaf('responseDate', utcSeconds(settings.now)),
				// After badVerb or badArgument the request is echoed without its arguments.
				leaf('request', baseURL(settings), request ?? {}),
				content
			]
		) +
		'\n'
	);
}

/**
 * The contact for Identify: the address MAIL_FROM sends from, when it is a real one
 * (the protocol's schema wants user@domain.tld), else webmaster@ the deployment's host.
 */
export function adminEmailOf(mailFrom: string, baseUrl: string): string {
	const valid = /^[^\s@<>]+@([^\s@<>.]+\.)+[^\s@<>.]+$/;
	const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
	if (valid.test(address)) return address;
	const host = new URL(baseUrl).hostname;
	const fallback = `webmaster@${host}`;
	return valid.test(fallback) ? fallback : 'webmaster@localhost.localdomain';
}
