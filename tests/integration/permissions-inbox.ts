import { bogus, signedIn, type Row } from './matrix';
import type { World } from './world';

// A person's inbox is their own: everyone signed in has one (a signed-out visitor is sent
// to sign in); another person's notification is not found, neither opened nor marked read.

/** memberA's notification (world-inbox.ts). */
const mine = (w: World) => w.inboxNotificationId;
/** Only memberA: `ok`; everyone else signed in 404. */
const own = (ok: number) => ({ ...signedIn(404), memberA: ok });

/** C8 (inbox): rows for every route and action of the part, denials included. */
export const inboxRows: Row[] = [
	{ route: '/(app)/inbox', use: 'GET', path: () => '/inbox', expect: signedIn(200) },
	{ route: '/(app)/inbox', use: 'GET', path: () => '/inbox?page=2', expect: signedIn(200) },
	// A page that is not a number is a bad request, not a 500.
	{ route: '/(app)/inbox', use: 'GET', path: () => '/inbox?page=x', expect: signedIn(400) },
	{
		route: '/(app)/inbox',
		use: '?/readAll',
		path: () => '/inbox',
		form: {},
		expect: signedIn(303)
	},
	{
		route: '/(app)/inbox',
		use: '?/read',
		path: () => '/inbox',
		form: (w) => ({ notificationId: mine(w) }),
		expect: own(303)
	},
	{
		route: '/(app)/inbox',
		use: '?/read',
		path: () => '/inbox',
		form: { notificationId: bogus },
		expect: signedIn(404)
	},
	{
		route: '/(app)/inbox/[notificationId]',
		use: 'GET',
		path: (w) => `/inbox/${mine(w)}`,
		expect: own(303)
	},
	{
		route: '/(app)/inbox/[notificationId]',
		use: 'GET',
		path: () => `/inbox/${bogus}`,
		expect: signedIn(404)
	}
];
