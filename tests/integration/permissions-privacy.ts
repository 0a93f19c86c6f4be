import { all, only, signedIn, type Row } from './matrix';

/**
 * Issue 16 (privacy): everyone reads and downloads their own data; a data request of school
 * A's teacher is handled by school A's admin or the operator (admin B is told the person does
 * not exist, teachers and scientists are refused, the operator is no school admin's to
 * handle); nobody erases themselves. The security events: each administration its school's,
 * the operator all.
 */
export const privacyRows: Row[] = [
	{
		route: '/(app)/profile/data',
		use: 'GET',
		path: () => '/profile/data',
		expect: signedIn(200)
	},
	{
		route: '/(app)/profile/data/personal-data.json',
		use: 'GET',
		path: () => '/profile/data/personal-data.json',
		expect: { ...all(200), anonymous: 401 }
	},
	{
		route: '/(app)/admin/staff/[userId]/privacy',
		use: 'GET',
		path: (w) => `/admin/staff/${w.users.victimA.id}/privacy`,
		expect: only({ adminA: 200, operator: 200, adminB: 404 })
	},
	// The person themselves (a teacher) cannot open the administration's page of their data.
	{
		route: '/(app)/admin/staff/[userId]/privacy',
		use: 'GET',
		path: (w) => `/admin/staff/${w.users.teacherA.id}/privacy`,
		expect: only({ adminA: 200, operator: 200, adminB: 404 })
	},
	// The operator is no school admin's to handle (issue 16, finding 1).
	{
		route: '/(app)/admin/staff/[userId]/privacy',
		use: 'GET',
		path: (w) => `/admin/staff/${w.users.operator.id}/privacy`,
		expect: only({ adminA: 404, operator: 200, adminB: 404 })
	},
	// An empty form erases nothing: the kept name, the address and the password are missing.
	{
		route: '/(app)/admin/staff/[userId]/privacy',
		use: '?/erase',
		path: (w) => `/admin/staff/${w.users.victimA.id}/privacy`,
		form: {},
		expect: only({ adminA: 400, operator: 400, adminB: 404 })
	},
	// Nobody erases themselves.
	{
		route: '/(app)/admin/staff/[userId]/privacy',
		use: '?/erase',
		path: (w) => `/admin/staff/${w.users.adminA.id}/privacy`,
		form: (w) => ({ keptName: 'А. А.', confirmEmail: w.users.adminA.email, password: 'x' }),
		expect: only({ adminA: 403, operator: 400, adminB: 404 })
	},
	{
		route: '/(app)/admin/staff/[userId]/privacy/personal-data.json',
		use: 'GET',
		path: (w) => `/admin/staff/${w.users.victimA.id}/privacy/personal-data.json`,
		expect: { ...only({ adminA: 200, operator: 200, adminB: 404 }), anonymous: 401 }
	},
	{
		route: '/(app)/admin/security',
		use: 'GET',
		path: () => '/admin/security',
		expect: only({ adminA: 200, adminB: 200 })
	},
	// A hand-edited address never fails the page.
	{
		route: '/(app)/admin/security',
		use: 'GET',
		path: () => '/admin/security?kind=drop&page=-1',
		expect: only({ adminA: 200, adminB: 200 })
	},
	{
		route: '/(app)/operator/security-events',
		use: 'GET',
		path: () => '/operator/security-events?kind=sign_in',
		expect: only({ operator: 200 })
	}
];
