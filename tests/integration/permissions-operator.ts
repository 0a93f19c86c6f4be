import { testPassword } from '../../src/lib/server/test/factories';
import { only, type Row } from './matrix';

/** An account id nobody has: the operator's actions answer 404, everyone else never gets in. */
const nobody = '00000000-0000-7000-8000-000000000000';

/** Issue 16 (operator): rows for every route and action of the part, denials included. */
export const operatorRows: Row[] = [
	{
		route: '/(app)/operator/operators',
		use: 'GET',
		path: () => '/operator/operators',
		expect: only({ operator: 200 })
	},
	{
		route: '/(app)/operator/operators',
		use: '?/grant',
		path: () => '/operator/operators',
		form: { email: '', password: '' },
		expect: only({ operator: 400 })
	},
	...(['revoke', 'reset', 'deactivate', 'reactivate'] as const).map((action): Row => ({
		route: '/(app)/operator/operators',
		use: `?/${action}`,
		path: () => '/operator/operators',
		form: { userId: nobody, password: testPassword },
		expect: only({ operator: 404 })
	})),
	{
		route: '/(app)/operator/security',
		use: 'GET',
		path: () => '/operator/security',
		expect: only({ operator: 200 })
	},
	{
		route: '/(app)/operator/security',
		use: '?/save',
		path: () => '/operator/security',
		form: { secretVoteMinBallots: '0', password: '' },
		expect: only({ operator: 400 })
	}
];
