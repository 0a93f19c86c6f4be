import { only, type Row } from './matrix';

/**
 * C8 (audit): the administration of each school reads its own school's log (adminB gets
 * school B's, never A's: src/lib/server/audit/audit.test.ts); the operator the whole
 * deployment's; teachers, scientists and members are refused. Files: 401 when signed out.
 */
export const auditRows: Row[] = [
	{
		route: '/(app)/admin/audit',
		use: 'GET',
		path: () => '/admin/audit',
		expect: only({ adminA: 200, adminB: 200 })
	},
	// A hand-edited address never fails the page: the bad filters are named, the rest applies.
	{
		route: '/(app)/admin/audit',
		use: 'GET',
		path: () => '/admin/audit?from=yesterday&op=drop&page=-1&groupId=' + 'x'.repeat(100),
		expect: only({ adminA: 200, adminB: 200 })
	},
	{
		route: '/(app)/admin/audit/audit.csv',
		use: 'GET',
		path: () => '/admin/audit/audit.csv?op=update',
		expect: { ...only({ adminA: 200, adminB: 200 }), anonymous: 401 }
	},
	// A file must hold what was asked for: an unreadable filter is refused.
	{
		route: '/(app)/admin/audit/audit.csv',
		use: 'GET',
		path: () => '/admin/audit/audit.csv?to=31.12.2026',
		expect: { ...only({ adminA: 400, adminB: 400 }), anonymous: 401 }
	},
	{
		route: '/(app)/operator/audit',
		use: 'GET',
		path: () => '/operator/audit?person=nobody@example.org',
		expect: only({ operator: 200 })
	},
	{
		route: '/(app)/operator/audit/audit.csv',
		use: 'GET',
		path: () => '/operator/audit/audit.csv',
		expect: { ...only({ operator: 200 }), anonymous: 401 }
	}
];
