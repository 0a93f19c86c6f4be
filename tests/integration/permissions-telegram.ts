import { signedIn, type Row } from './matrix';

/**
 * C8 (telegram): rows for every route and action of the part, denials included. The test
 * server has no bot (TELEGRAM_BOT_TOKEN unset): the page says so, a code is refused (409),
 * and unlinking — one's own link only, nothing to name another's — is always allowed.
 */
export const telegramRows: Row[] = [
	{
		route: '/(app)/profile/telegram',
		use: 'GET',
		path: () => '/profile/telegram',
		expect: signedIn(200)
	},
	{
		route: '/(app)/profile/telegram',
		use: '?/start',
		path: () => '/profile/telegram',
		form: {},
		expect: signedIn(409)
	},
	{
		route: '/(app)/profile/telegram',
		use: '?/unlink',
		path: () => '/profile/telegram',
		// A field naming someone else is ignored: the actor's own link is the only one touched.
		form: { userId: 'someone-else' },
		expect: signedIn(303)
	}
];
