import { all, type Row } from './matrix';

// The public catalog: everyone, anonymous included, may search it, and no input makes it fail —
// FTS/SQL syntax, a 10 KB query, a page far past the end, unknown filters are answered with a
// page (results, or a message naming what was ignored), never a 500. The search index holds
// only publications to interested parties, so there is nothing to deny.

const catalog = '/(public)/catalog';
const at = (query: string) => () => `/catalog${query}`;

/** C7 (catalog). */
export const catalogRows: Row[] = [
	{ route: catalog, use: 'GET', path: at(''), expect: all(200) },
	{
		route: catalog,
		use: 'GET',
		path: at('?q=%D1%81%D0%B0%D0%B1%D0%B0%D0%B3%D1%8B'),
		expect: all(200)
	},
	{
		route: catalog,
		use: 'GET',
		path: at(`?q=${encodeURIComponent('"NEAR(сабак* OR урок) AND title:^- \'')}&sort=title`),
		expect: all(200)
	},
	{ route: catalog, use: 'GET', path: at(`?q=${'x+'.repeat(5000)}`), expect: all(200) },
	{
		route: catalog,
		use: 'GET',
		path: at('?q=%D1%81%D0%B0%D0%B1%D0%B0%D0%BA&page=999999'),
		expect: all(200)
	},
	{
		route: catalog,
		use: 'GET',
		path: at(
			'?subject=nope&grade=99&language=xx&type=poem&school=nowhere&region=%27&year=abc&sort=up&page=-1'
		),
		expect: all(200)
	}
];
