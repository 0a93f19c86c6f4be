import { AppError } from '../../errors';
import type { Ctx } from '../context';
import { canManageOperators } from './policy';

export interface OperatorAccount {
	id: string;
	fullName: string;
	email: string;
	schoolId: string | null;
	schoolName: string | null;
	isActive: boolean;
	isMe: boolean;
}

/** The deployment's operators, for an operator (/operator/operators). */
export async function listOperators({ db, actor }: Ctx): Promise<OperatorAccount[]> {
	if (!canManageOperators(actor)) throw new AppError('forbidden', 'error_forbidden');
	const rows = await db
		.selectFrom('users')
		.leftJoin('schools', 'schools.id', 'users.schoolId')
		.select([
			'users.id',
			'users.fullName',
			'users.email',
			'users.schoolId',
			'schools.name as schoolName',
			'users.isActive'
		])
		.where('users.isOperator', '=', true)
		.orderBy('users.fullName')
		.orderBy('users.id')
		.execute();
	return rows.map((r) => ({ ...r, isMe: r.id === actor.id }));
}
