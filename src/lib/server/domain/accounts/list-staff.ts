import type { AccountRole } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { listStaffInput, type ListStaffInput } from './input';
import { canManageStaffOf } from './policy';

export interface StaffMember {
	id: string;
	fullName: string;
	email: string;
	role: AccountRole | null;
	isActive: boolean;
	/** The deployment's operator: only another operator manages the account. */
	isOperator: boolean;
	createdAt: Date;
	subjectIds: string[];
}

export interface PendingInvitation {
	id: string;
	email: string;
	role: AccountRole;
	createdAt: Date;
	expiresAt: Date;
	isExpired: boolean;
}

/** The school's accounts and its invitations still waiting for an answer. */
export async function listStaff(
	{ db, actor, now }: Ctx,
	input: ListStaffInput
): Promise<{ staff: StaffMember[]; invitations: PendingInvitation[] }> {
	if (!canManageStaffOf(actor, input.schoolId)) throw new AppError('forbidden', 'error_forbidden');
	const { schoolId } = validate(listStaffInput, input);
	const [users, subjects, invitations] = await Promise.all([
		db
			.selectFrom('users')
			.select(['id', 'fullName', 'email', 'role', 'isActive', 'isOperator', 'createdAt'])
			.where('schoolId', '=', schoolId)
			.execute(),
		db
			.selectFrom('userSubjects')
			.innerJoin('users', 'users.id', 'userSubjects.userId')
			.select(['userSubjects.userId', 'userSubjects.subjectId'])
			.where('users.schoolId', '=', schoolId)
			.execute(),
		db
			.selectFrom('invitations')
			.select(['id', 'email', 'role', 'createdAt', 'expiresAt'])
			.where('schoolId', '=', schoolId)
			.where('acceptedAt', 'is', null)
			.where('revokedAt', 'is', null)
			.orderBy('createdAt', 'desc')
			.execute()
	]);
	const subjectsByUser = new Map<string, string[]>();
	for (const row of subjects) {
		subjectsByUser.set(row.userId, [...(subjectsByUser.get(row.userId) ?? []), row.subjectId]);
	}
	return {
		staff: users.map((u) => ({ ...u, subjectIds: subjectsByUser.get(u.id) ?? [] })),
		invitations: invitations.map((i) => ({ ...i, isExpired: i.expiresAt <= now }))
	};
}
