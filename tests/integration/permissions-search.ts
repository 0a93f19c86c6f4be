import { signedIn, type Row } from './matrix';

// C8 search everywhere. Any signed-in person may search (anonymous is sent to sign in); what
// each one finds is decided by the group pages' own policies (search/workspace-search.ts, whose
// tests plant a word in everything out of reach and prove it never comes back). No query makes
// the page fail: operators and quotes, a 5 KB query (10 KB ones are in search-http.test.ts: here
// anonymous is sent to sign in with the address in `next`, and 10 KB of it, encoded again,
// would pass the 16 KB a response's headers may hold), an unknown kind, a page far past the end.

const search = '/(app)/search';
const at = (query: string) => () => `/search${query}`;

/** C8 (search). */
export const searchRows: Row[] = [
	{ route: search, use: 'GET', path: at(''), expect: signedIn(200) },
	// «сабактын»: the world's material (memberA's, offered), seen only by the group's work.
	{
		route: search,
		use: 'GET',
		path: at('?q=%D1%81%D0%B0%D0%B1%D0%B0%D0%BA%D1%82%D1%8B%D0%BD'),
		expect: signedIn(200)
	},
	{
		route: search,
		use: 'GET',
		path: at(`?q=${encodeURIComponent('" * : ( ) OR AND NEAR - ^ {title}: \'; --')}`),
		expect: signedIn(200)
	},
	{
		route: search,
		use: 'GET',
		path: at(`?q=${'%D1%81%D0%B0%D0%B1%D0%B0%D0%BA+' + 'x+'.repeat(2500)}`),
		// Too long to come back to after signing in (it would not fit in a header): plain /signin.
		expect: { ...signedIn(200), anonymous: 303 }
	},
	{
		route: search,
		use: 'GET',
		path: at('?q=%D0%B0%D1%82%D0%B0&kind=material&page=999999'),
		expect: signedIn(200)
	},
	{
		route: search,
		use: 'GET',
		path: at('?q=%D0%B0%D1%82%D0%B0&kind=nonsense&page=-1'),
		expect: signedIn(200)
	}
];
