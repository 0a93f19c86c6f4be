import { all, type Row } from './matrix';

/**
 * C7 (machines): feeds, the sitemap, robots.txt and OAI-PMH answer everyone alike, signed in
 * or not (they only hold public work); what does not exist is 404 for everyone. OAI-PMH's own
 * errors are HTTP 200 with an <error> element, as the protocol wants.
 */
export const machinesRows: Row[] = [
	{ route: '/feed.atom', use: 'GET', path: () => '/feed.atom', expect: all(200) },
	{
		route: '/(public)/s/[slug]/feed.atom',
		use: 'GET',
		path: (w) => `/s/${w.schoolSlug}/feed.atom`,
		expect: all(200)
	},
	{
		route: '/(public)/s/[slug]/feed.atom',
		use: 'GET',
		path: () => '/s/no-such-school/feed.atom',
		expect: all(404)
	},
	{
		route: '/(public)/catalog/subjects/[subjectId]/feed.atom',
		use: 'GET',
		path: () => '/catalog/subjects/mathematics/feed.atom',
		expect: all(200)
	},
	{
		route: '/(public)/catalog/subjects/[subjectId]/feed.atom',
		use: 'GET',
		path: () => '/catalog/subjects/no-such-subject/feed.atom',
		expect: all(404)
	},
	{ route: '/sitemap.xml', use: 'GET', path: () => '/sitemap.xml', expect: all(200) },
	{ route: '/robots.txt', use: 'GET', path: () => '/robots.txt', expect: all(200) },
	// HEAD answers as GET does, without the body.
	{ route: '/feed.atom', use: 'HEAD', path: () => '/feed.atom', expect: all(200) },
	{
		route: '/(public)/s/[slug]/feed.atom',
		use: 'HEAD',
		path: () => '/s/no-such-school/feed.atom',
		expect: all(404)
	},
	{
		route: '/(public)/catalog/subjects/[subjectId]/feed.atom',
		use: 'HEAD',
		path: () => '/catalog/subjects/mathematics/feed.atom',
		expect: all(200)
	},
	{ route: '/sitemap.xml', use: 'HEAD', path: () => '/sitemap.xml', expect: all(200) },
	{ route: '/robots.txt', use: 'HEAD', path: () => '/robots.txt', expect: all(200) },
	{ route: '/oai', use: 'GET', path: () => '/oai?verb=Identify', expect: all(200) },
	// A protocol error is still HTTP 200.
	{ route: '/oai', use: 'GET', path: () => '/oai?verb=Nonsense', expect: all(200) },
	{
		route: '/oai',
		use: 'POST',
		path: () => '/oai',
		form: { verb: 'ListRecords', metadataPrefix: 'oai_dc' },
		expect: all(200)
	}
];
