import { all, signedIn, type Row } from './matrix';
import type { World } from './world';

// Notification settings are a person's own: every signed-in person has theirs (the use
// cases take no one else's id); a signed-out visitor is sent to sign in. The unsubscribe
// link needs no sign-in — its signed token is the permission — and a forged token is not
// found, for everyone.

/** memberA's signed unsubscribe tokens (world-email.ts). */
const token = (w: World, which: 'unsubscribeToken' | 'unsubscribeAllToken') => w[which];
/** A token for everyone, signed with a made-up signature. */
const forged = () => `${Buffer.from('someone|all').toString('base64url')}.${'A'.repeat(32)}`;

/** C8 (email): rows for every route and action of the part, denials included. */
export const emailRows: Row[] = [
	{
		route: '/(app)/profile/notifications',
		use: 'GET',
		path: () => '/profile/notifications',
		expect: signedIn(200)
	},
	{
		route: '/(app)/profile/notifications',
		use: 'default',
		path: () => '/profile/notifications',
		form: { 'email:vote.closed': 'weekly', 'email:vote.opened': 'instant' },
		expect: signedIn(303)
	},
	// A choice that is not one: the form again with the error, nothing saved.
	{
		route: '/(app)/profile/notifications',
		use: 'default',
		path: () => '/profile/notifications',
		form: { 'email:vote.closed': 'hourly' },
		expect: signedIn(400)
	},
	// GET never unsubscribes (link scanners fetch it): it shows the button.
	{
		route: '/(public)/unsubscribe/[token]',
		use: 'GET',
		path: (w) => `/unsubscribe/${token(w, 'unsubscribeToken')}`,
		expect: all(200)
	},
	{
		route: '/(public)/unsubscribe/[token]',
		use: 'GET',
		path: () => `/unsubscribe/${forged()}`,
		expect: all(404)
	},
	{
		route: '/(public)/unsubscribe/[token]',
		use: 'default',
		path: (w) => `/unsubscribe/${token(w, 'unsubscribeAllToken')}`,
		form: { 'List-Unsubscribe': 'One-Click' },
		expect: all(200)
	},
	{
		route: '/(public)/unsubscribe/[token]',
		use: 'default',
		path: () => `/unsubscribe/${forged()}`,
		form: { 'List-Unsubscribe': 'One-Click' },
		expect: all(404)
	}
];
