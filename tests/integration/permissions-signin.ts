import { all, signedIn, type Row } from './matrix';

/** Issue 16 (signin): rows for every route and action of the part, denials included. */
export const signinRows: Row[] = [
	// Without a challenge cookie (a password just checked) there is nothing to confirm: back
	// to /signin; signed in already: on to the app.
	{ route: '/(public)/signin/code', use: 'GET', path: () => '/signin/code', expect: all(303) },
	{
		route: '/(public)/signin/code',
		use: 'default',
		path: () => '/signin/code',
		form: { code: '123456' },
		expect: all(303)
	},
	{
		route: '/(app)/profile/security',
		use: 'GET',
		path: () => '/profile/security',
		expect: signedIn(200)
	},
	// Each person's own settings: anyone signed in, nobody else's.
	{
		route: '/(app)/profile/security',
		use: '?/start',
		path: () => '/profile/security',
		form: {},
		expect: signedIn(303)
	},
	...(['confirm', 'regenerate', 'disable'] as const).map((action): Row => ({
		route: '/(app)/profile/security',
		use: `?/${action}`,
		path: () => '/profile/security',
		form: {},
		expect: signedIn(400)
	}))
];
