import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { beforeEach, describe, expect, it } from 'vitest';
import { getPublicRecord } from '../domain/publications/public-records';
import { makeSchool, makeUser } from '../test/factories';
import { makeGroupWorld, type GroupWorld } from '../test/groups';
import { useTestDatabase } from '../test/vitest';
import { FEED_SIZE, publicationsFeed, type FeedScope } from './atom';
import { publicationHead } from './head';
import { robotsTxt, sitemap } from './sitemap';
import { insertPublication } from './test-publications';
import { xmlSafe } from './xml';

const t = useTestDatabase();
const baseUrl = 'https://ustat.example.kg';
const now = new Date('2026-12-07T10:00:00Z');

const doc = (xml: string) => parseDocument(xml, { xmlMode: true });
const all = (xml: string, name: string) =>
	DomUtils.getElementsByTagName(name, doc(xml).children, true) as Element[];
const texts = (xml: string, name: string) => all(xml, name).map((e) => DomUtils.textContent(e));
const feed = (scope: FeedScope, locale: 'ky' | 'ru' | 'en' = 'ky') =>
	publicationsFeed(t.db, scope, { baseUrl, locale, now });

let w: GroupWorld;
let slug: string;
let otherSlug: string;
let staffOnlySlug: string;
let codes: Record<string, string>;
const hidden = ['Кызматтык', 'Макулдук', 'Баш тартылган', 'Кайра алынган', 'Алынып салынган'];

const slugOf = async (id: string) =>
	(await t.db.selectFrom('schools').select('slug').where('id', '=', id).executeTakeFirstOrThrow())
		.slug!;

beforeEach(async () => {
	await t.db.deleteFrom('publications').execute();
	w = await makeGroupWorld(t.db);
	const base = { schoolId: w.schoolId, groupId: w.groupId, requestedBy: w.leader.id };
	const other = await makeSchool(t.db);
	const staffOnly = await makeSchool(t.db);
	const otherTeacher = await makeUser(t.db, { schoolId: other.id });
	[slug, otherSlug, staffOnlySlug] = await Promise.all([
		slugOf(w.schoolId),
		slugOf(other.id),
		slugOf(staffOnly.id)
	]);
	const row = async (title: string, more: Partial<Parameters<typeof insertPublication>[1]> = {}) =>
		(await insertPublication(t.db, { ...base, title, ...more })).code;
	codes = {
		live: await row('Бөлчөктөр: ңөү <b>&</b>\u0001', {
			publishedAt: new Date('2026-10-01T08:00:00Z'),
			licence: 'cc_by_sa',
			meta: {
				subtitle: 'Методикалык колдонмо',
				subjectIds: ['mathematics', 'geometry'],
				authors: [
					{ id: 'a', name: 'Айгүл Өмүрбекова' },
					{ id: 'b', name: 'Нурлан Үсөнов' }
				],
				abstract: 'Үлүштөр жана бөлчөктөр </script> тууралуу.'
			}
		}),
		newer: await row('Орус тили: сабак', {
			publishedAt: new Date('2026-11-01T08:00:00Z'),
			licence: 'all_rights_reserved',
			meta: { language: 'ru', subjectIds: ['russian-language'], type: 'collection' }
		}),
		other: await row('Башка мектептин иши', {
			schoolId: other.id,
			requestedBy: otherTeacher.id,
			publishedAt: new Date('2026-10-15T08:00:00Z')
		}),
		gone: await row('Алынып салынган иш', {
			status: 'unpublished',
			publishedAt: new Date('2026-09-01T08:00:00Z'),
			endedAt: new Date('2026-11-05T08:00:00Z')
		}),
		staff: await row('Кызматтык гана иш', { audience: 'staff' }),
		staffOfOther: await row('Кызматтык башка иш', { audience: 'staff', schoolId: staffOnly.id }),
		waiting: await row('Макулдук күткөн иш', { status: 'awaiting_consent' }),
		refused: await row('Баш тартылган иш', { status: 'refused', endedAt: new Date() }),
		withdrawn: await row('Кайра алынган иш', { status: 'withdrawn', endedAt: new Date() })
	};
});

const expectNothingHidden = (xml: string) => {
	for (const title of hidden) expect(xml).not.toContain(title);
	for (const key of ['gone', 'staff', 'staffOfOther', 'waiting', 'refused', 'withdrawn'])
		expect(xml).not.toContain(`/p/${codes[key]}`);
};

describe('Atom feeds', () => {
	it('the overall feed lists live public publications, newest first, with everything a reader needs', async () => {
		const xml = (await feed({ kind: 'all' }))!;
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
		const root = all(xml, 'feed')[0]!;
		expect(root.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
		expect(all(xml, 'entry')).toHaveLength(3);
		expectNothingHidden(xml);
		const entries = all(xml, 'entry');
		const links = entries.map((e) => DomUtils.getElementsByTagName('link', e)[0]!.attribs.href);
		expect(links).toEqual([
			`${baseUrl}/p/${codes.newer}`,
			`${baseUrl}/p/${codes.other}`,
			`${baseUrl}/p/${codes.live}`
		]);
		const self = all(xml, 'link').find((l) => l.attribs.rel === 'self')!;
		expect(self.attribs.href).toBe(`${baseUrl}/feed.atom`);
		expect(texts(xml, 'updated')[0]).toBe('2026-11-01T08:00:00Z');
		expect(texts(xml, 'title')[0]).toBe('Устат: жаңы жарыяланган иштер');

		const live = entries[2]!;
		const get = (name: string) =>
			DomUtils.getElementsByTagName(name, live).map((e) => DomUtils.textContent(e));
		// Escaped on the way out, read back intact; the control character is gone.
		expect(get('title')).toEqual(['Бөлчөктөр: ңөү <b>&</b>. Методикалык колдонмо']);
		expect(get('name')).toEqual(['Айгүл Өмүрбекова', 'Нурлан Үсөнов']);
		expect(get('summary')).toEqual(['Үлүштөр жана бөлчөктөр </script> тууралуу.']);
		expect(get('published')).toEqual(['2026-10-01T08:00:00Z']);
		expect(get('rights')).toEqual(['https://creativecommons.org/licenses/by-sa/4.0/']);
		expect(get('id')).toEqual([`${baseUrl}/p/${codes.live}`]);
		const categories = DomUtils.getElementsByTagName('category', live).map((c) => c.attribs.label);
		expect(categories).toEqual([expect.any(String), 'Математика', 'Геометрия']);
		expect(xml).not.toContain('\u0001');
		const newer = entries[0]!;
		expect(DomUtils.textContent(DomUtils.getElementsByTagName('rights', newer)[0]!)).toBe(
			'Бардык укуктар корголгон'
		);
	});

	it('a school feed holds only that school; an unknown school has none', async () => {
		const ours = (await feed({ kind: 'school', slug }))!;
		expect(texts(ours, 'id').slice(1).sort()).toEqual(
			[`${baseUrl}/p/${codes.live}`, `${baseUrl}/p/${codes.newer}`].sort()
		);
		expectNothingHidden(ours);
		const theirs = (await feed({ kind: 'school', slug: otherSlug }))!;
		expect(all(theirs, 'entry')).toHaveLength(1);
		const staffOnly = (await feed({ kind: 'school', slug: staffOnlySlug }))!;
		expect(all(staffOnly, 'entry')).toHaveLength(0);
		expect(await feed({ kind: 'school', slug: 'no-such-school' })).toBeNull();
	});

	it('a subject feed holds only that subject; an unknown subject has none', async () => {
		const maths = (await feed({ kind: 'subject', subjectId: 'mathematics' }, 'ru'))!;
		expect(all(maths, 'entry')).toHaveLength(2);
		expect(texts(maths, 'title')[0]).toContain('Математика');
		const russian = (await feed({ kind: 'subject', subjectId: 'russian-language' }))!;
		expect(all(russian, 'entry')).toHaveLength(1);
		expect(await feed({ kind: 'subject', subjectId: 'no-such-subject' })).toBeNull();
	});

	it(`keeps to the newest ${FEED_SIZE}`, async () => {
		const base = { schoolId: w.schoolId, groupId: w.groupId, requestedBy: w.leader.id };
		for (let i = 0; i < FEED_SIZE; i++)
			await insertPublication(t.db, {
				...base,
				title: `Сабак ${i}`,
				publishedAt: new Date(Date.UTC(2026, 11, 1, 0, i))
			});
		const xml = (await feed({ kind: 'all' }))!;
		expect(all(xml, 'entry')).toHaveLength(FEED_SIZE);
		expect(xml).not.toContain(codes.live!);
	});
});

describe('sitemap and robots.txt', () => {
	it('lists the home page, the catalog, schools with public work and live public publications', async () => {
		const xml = await sitemap(t.db, baseUrl);
		expect(all(xml, 'urlset')[0]!.attribs.xmlns).toBe(
			'http://www.sitemaps.org/schemas/sitemap/0.9'
		);
		const locs = texts(xml, 'loc');
		expect(locs).toEqual(
			expect.arrayContaining([
				`${baseUrl}/`,
				`${baseUrl}/catalog`,
				`${baseUrl}/s/${slug}`,
				`${baseUrl}/s/${otherSlug}`,
				`${baseUrl}/p/${codes.live}`,
				`${baseUrl}/p/${codes.newer}`,
				`${baseUrl}/p/${codes.other}`
			])
		);
		expect(locs).toHaveLength(7);
		expect(locs).not.toContain(`${baseUrl}/s/${staffOnlySlug}`);
		expectNothingHidden(xml);
		const live = all(xml, 'url').find((u) => DomUtils.textContent(u).includes(`/p/${codes.live}`))!;
		expect(DomUtils.textContent(DomUtils.getElementsByTagName('lastmod', live)[0]!)).toBe(
			'2026-10-01T08:00:00Z'
		);
	});

	it('robots.txt points to the sitemap', () => {
		expect(robotsTxt(baseUrl)).toContain(`Sitemap: ${baseUrl}/sitemap.xml`);
	});
});

describe('JSON-LD and Open Graph', () => {
	it('describes a publication as a schema.org LearningResource, safe inside a script element', async () => {
		const record = (await getPublicRecord(t.db, codes.live!))!;
		const head = publicationHead(
			{ ...record, subjects: ['Математика', 'Геометрия'] },
			baseUrl,
			'ky'
		);
		expect(head.jsonLd).not.toMatch(/[<>]/);
		expect(head.jsonLd).not.toContain('</script');
		const data = JSON.parse(head.jsonLd);
		expect(data).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'LearningResource',
			url: `${baseUrl}/p/${codes.live}`,
			name: 'Бөлчөктөр: ңөү <b>&</b>\u0001. Методикалык колдонмо',
			author: [
				{ '@type': 'Person', name: 'Айгүл Өмүрбекова' },
				{ '@type': 'Person', name: 'Нурлан Үсөнов' }
			],
			inLanguage: 'ky',
			educationalLevel: ['5-класс', '6-класс'],
			keywords: 'Математика, Геометрия',
			license: 'https://creativecommons.org/licenses/by-sa/4.0/',
			datePublished: '2026-10-01',
			publisher: { '@type': 'EducationalOrganization', url: `${baseUrl}/s/${slug}` },
			isAccessibleForFree: true
		});
		expect(data.description).toContain('</script>');
		const og = Object.fromEntries(head.og.map((t) => [t.property, t.content]));
		expect(og).toMatchObject({
			'og:type': 'article',
			'og:url': `${baseUrl}/p/${codes.live}`,
			'og:locale': 'ky_KG',
			'og:site_name': 'Устат'
		});
		expect(head.og.filter((t) => t.property === 'article:author')).toHaveLength(2);
	});

	it('all rights reserved has no licence URL', async () => {
		const record = (await getPublicRecord(t.db, codes.newer!))!;
		const data = JSON.parse(publicationHead({ ...record, subjects: [] }, baseUrl, 'ru').jsonLd);
		expect(data.license).toBeUndefined();
		expect(data.copyrightNotice).toBe('Все права защищены');
		expect(data.about).toBeUndefined();
	});
});

describe('XML text', () => {
	it('drops characters XML 1.0 cannot hold and keeps every other', () => {
		expect(xmlSafe('a\u0000b\u0008c\u000bd\ufffee\ud800f')).toBe('abcdef');
		expect(xmlSafe('ңөү Ёё 😀 \t\n\r')).toBe('ңөү Ёё 😀 \t\n\r');
	});
});
