import { all, bogus, signedIn, type Row } from './matrix';

/**
 * Issue 17's faces part: a person's photo is seen by whoever may see the person (their
 * school's staff, the members of their groups, the operator); anyone else is told it does not
 * exist, and a signed-out request gets 401 (an endpoint). memberA has a photo (world-faces.ts).
 * The profile's photo forms act on one's own account only: an empty post is refused (400,
 * not multipart), removing is done (303: redirect after post). Removal comes last.
 */
export const facesWorkspaceRows: Row[] = [
	{
		route: '/(app)/people/[userId]/photo',
		use: 'GET',
		path: (w) => `/people/${w.users.memberA.id}/photo`,
		expect: {
			...signedIn(200),
			anonymous: 401,
			adminB: 404,
			teacherB: 404,
			external: 404
		}
	},
	{
		route: '/(app)/people/[userId]/photo',
		use: 'GET',
		path: (w) => `/people/${w.users.memberA.id}/photo?size=small`,
		expect: {
			...signedIn(200),
			anonymous: 401,
			adminB: 404,
			teacherB: 404,
			external: 404
		}
	},
	// No photo, or nobody: the same 404.
	{
		route: '/(app)/people/[userId]/photo',
		use: 'GET',
		path: (w) => `/people/${w.users.teacherA.id}/photo`,
		expect: { ...all(404), anonymous: 401 }
	},
	{
		route: '/(app)/people/[userId]/photo',
		use: 'GET',
		path: () => `/people/${bogus}/photo`,
		expect: { ...all(404), anonymous: 401 }
	},
	{
		route: '/(app)/profile',
		use: '?/photo',
		path: () => '/profile',
		form: {},
		expect: signedIn(400)
	},
	{
		route: '/(app)/profile',
		use: '?/removePhoto',
		path: () => '/profile',
		form: {},
		expect: signedIn(303)
	}
];
