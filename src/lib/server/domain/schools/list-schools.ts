import { AppError } from '../../errors';
import type { Ctx } from '../context';
import { canManageSchools } from './policy';

export interface SchoolSummary {
	id: string;
	name: string;
	region: string;
	city: string;
	createdAt: Date;
	activeStaff: number;
	admins: number;
}

/** Every school of the deployment with its head counts, for the operator. */
export async function listSchools({ db, actor }: Ctx): Promise<SchoolSummary[]> {
	if (!canManageSchools(actor)) throw new AppError('forbidden', 'error_forbidden');
	return db
		.selectFrom('schools')
		.leftJoin('users', (join) =>
			join.onRef('users.schoolId', '=', 'schools.id').on('users.isActive', '=', true)
		)
		.select((eb) => [
			'schools.id',
			'schools.name',
			'schools.region',
			'schools.city',
			'schools.createdAt',
			eb.fn.count<number>('users.id').as('activeStaff'),
			eb.fn
				.sum<number>(eb.case().when('users.role', '=', 'admin').then(1).else(0).end())
				.as('admins')
		])
		.groupBy(['schools.id', 'schools.name', 'schools.region', 'schools.city', 'schools.createdAt'])
		.orderBy('schools.createdAt')
		.execute()
		.then((rows) => rows.map((r) => ({ ...r, admins: Number(r.admins ?? 0) })));
}
