import { all, bogus, signedIn, type Row } from './matrix';
import type { World } from './world';

// C8 calendar. The feed's address is its own credential (calendar apps send no cookies):
// with memberA's token anyone gets the feed, whoever they are; a token that is unknown,
// malformed or not a token at all gets the same 404. The settings page and its actions are
// the signed-in person's own (each acts on their own feed only). The feed rows come first:
// the actions below replace and turn off memberA's feed.

const feed = (w: World) => `/calendar/${w.calendarToken}.ics`;

export const calendarRows: Row[] = [
	{ route: '/calendar/[file]', use: 'GET', path: feed, expect: all(200) },
	{ route: '/calendar/[file]', use: 'HEAD', path: feed, expect: all(200) },
	{ route: '/calendar/[file]', use: 'GET', path: () => `/calendar/${bogus}.ics`, expect: all(404) },
	{
		route: '/calendar/[file]',
		use: 'HEAD',
		path: () => `/calendar/${bogus}.ics`,
		expect: all(404)
	},
	{ route: '/calendar/[file]', use: 'GET', path: () => '/calendar/not-a-token', expect: all(404) },
	{
		route: '/(app)/profile/calendar',
		use: 'GET',
		path: () => '/profile/calendar',
		expect: signedIn(200)
	},
	{
		route: '/(app)/profile/calendar',
		use: '?/create',
		path: () => '/profile/calendar',
		expect: signedIn(303)
	},
	{
		route: '/(app)/profile/calendar',
		use: '?/revoke',
		path: () => '/profile/calendar',
		expect: signedIn(303)
	},
	// The feed it replaced and turned off is gone for everyone.
	{ route: '/calendar/[file]', use: 'GET', path: feed, expect: all(404) }
];
