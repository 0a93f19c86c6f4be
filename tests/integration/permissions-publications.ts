import { all, bogus, group, inGroup, runners, signedIn, type Row } from './matrix';
import type { World } from './world';

// Publishing is the leader's and the administration's (the group's runners); reading follows
// each publication's audience: anyone for interested parties, the school's staff and the
// group for the staff (a signed-out visitor is sent to sign in), the publishers and the
// authors asked while consent is waited for; a tombstone stays readable to the audience.

const publications = (w: World) => `${group(w)}/publications`;
const p = (code: (w: World) => string) => (w: World) => `/p/${code(w)}`;
/** The school's staff and the group's members (the consultant); not another school. */
const staffOfA = (ok: number) => ({
	...all(404),
	anonymous: 'signin' as const,
	teacherA: ok,
	adminA: ok,
	leaderA: ok,
	memberA: ok,
	externalMember: ok
});
/** While consent is asked: the publishers (leader, admin) and memberA, the author asked. */
const asked = (ok: number) => ({ ...all(404), adminA: ok, leaderA: ok, memberA: ok });

/** C7 (§3.4): publications, consent, the public and staff pages. */
export const publicationsRows: Row[] = [
	{
		route: '/(app)/groups/[groupId]/publications',
		use: 'GET',
		path: publications,
		expect: inGroup(403, { adminA: 200, leaderA: 200, memberA: 200, externalMember: 200 })
	},
	// Nothing chosen: the runners are told what is missing; members and staff may not publish.
	{
		route: '/(app)/groups/[groupId]/publications',
		use: '?/publish',
		path: publications,
		form: {},
		expect: runners(400)
	},
	{
		route: '/(app)/groups/[groupId]/publications',
		use: '?/withdraw',
		path: publications,
		form: { publicationId: bogus },
		expect: runners(404)
	},
	// A live publication cannot be withdrawn (only unpublished, with a reason).
	{
		route: '/(app)/groups/[groupId]/publications',
		use: '?/withdraw',
		path: publications,
		form: (w) => ({ publicationId: w.publishedId }),
		expect: runners(409)
	},
	{
		route: '/(app)/groups/[groupId]/publications',
		use: '?/unpublish',
		path: publications,
		form: { publicationId: bogus, reason: 'Себеби' },
		expect: runners(404)
	},
	{ route: '/(app)/consents', use: 'GET', path: () => '/consents', expect: signedIn(200) },
	{
		route: '/(app)/school-work',
		use: 'GET',
		path: () => '/school-work',
		expect: {
			...signedIn(200),
			operator: 403,
			external: 403,
			externalMember: 403
		}
	},
	{ route: '/(public)/p/[code]', use: 'GET', path: p((w) => w.publicCode), expect: all(200) },
	{ route: '/(public)/p/[code]', use: 'GET', path: p((w) => w.staffCode), expect: staffOfA(200) },
	{ route: '/(public)/p/[code]', use: 'GET', path: p((w) => w.waitingCode), expect: asked(200) },
	// A tombstone: the same address says when and why it was taken down.
	{ route: '/(public)/p/[code]', use: 'GET', path: p((w) => w.goneCode), expect: all(200) },
	{ route: '/(public)/p/[code]', use: 'GET', path: () => '/p/zzzzzzz', expect: all(404) },
	{ route: '/(public)/p/[code]', use: 'GET', path: () => `/p/${bogus}`, expect: all(404) },
	// Only the author asked answers; the rest are told it does not exist.
	{
		route: '/(public)/p/[code]',
		use: '?/consent',
		path: p((w) => w.waitingCode),
		form: (w) => ({ publicationId: w.waitingId, decision: 'maybe' }),
		expect: { ...signedIn(404), memberA: 400 }
	},
	{
		route: '/(public)/p/[code]/read',
		use: 'GET',
		path: (w) => `/p/${w.editionCode}/read`,
		expect: all(200)
	},
	{
		route: '/(public)/p/[code]/read',
		use: 'GET',
		path: (w) => `/p/${w.publicCode}/read`,
		expect: all(404)
	},
	{
		route: '/(public)/p/[code]/read',
		use: 'GET',
		path: (w) => `/p/${w.goneCode}/read`,
		expect: all(410)
	},
	{
		route: '/(public)/p/[code]/print',
		use: 'GET',
		path: (w) => `/p/${w.publicCode}/print`,
		expect: all(200)
	},
	{
		route: '/(public)/p/[code]/print',
		use: 'GET',
		path: (w) => `/p/${w.staffCode}/print`,
		expect: staffOfA(200)
	},
	{
		route: '/(public)/p/[code]/print',
		use: 'GET',
		path: (w) => `/p/${w.editionCode}/print`,
		expect: all(404)
	},
	{
		route: '/(public)/p/[code]/publication.pdf',
		use: 'GET',
		path: (w) => `/p/${w.editionCode}/publication.pdf`,
		expect: all(200)
	},
	{
		route: '/(public)/p/[code]/publication.docx',
		use: 'GET',
		path: (w) => `/p/${w.editionCode}/publication.docx`,
		expect: all(200)
	},
	{
		route: '/(public)/p/[code]/publication.pdf',
		use: 'GET',
		path: (w) => `/p/${w.waitingCode}/publication.pdf`,
		expect: { ...asked(200), adminA: 200 }
	},
	{
		route: '/(public)/p/[code]/images/[key]',
		use: 'GET',
		path: (w) => `/p/${w.editionCode}/images/${'a'.repeat(64)}`,
		expect: all(404)
	},
	{ route: '/(public)/s/[slug]', use: 'GET', path: (w) => `/s/${w.schoolSlug}`, expect: all(200) },
	{ route: '/(public)/s/[slug]', use: 'GET', path: () => '/s/no-such-school', expect: all(404) }
];
