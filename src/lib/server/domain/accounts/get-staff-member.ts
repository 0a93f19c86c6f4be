import type { AccountRole, QualificationCategory } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { staffMemberInput, type StaffMemberInput } from './input';
import { accountActionRefusal, canSeeStaffMember } from './policy';
import { findUserById, subjectIdsOf } from './queries';

export interface StaffMemberDetail {
	id: string;
	schoolId: string | null;
	fullName: string;
	email: string;
	role: AccountRole | null;
	isActive: boolean;
	isOperator: boolean;
	experienceYears: number | null;
	qualificationCategory: QualificationCategory | null;
	createdAt: Date;
	deactivatedAt: Date | null;
	subjectIds: string[];
	activeSessions: number;
	/** Two-factor sign-in is on (an admin may turn it off for someone who lost their phone). */
	hasTwoFactor: boolean;
	/**
	 * Whether the actor may act on the account (reset link, role, deactivation): not their
	 * own, and an operator's only for another operator.
	 */
	canManage: boolean;
}

/** One account as its school's admin sees it. Another school's account is "not found". */
export async function getStaffMember(
	{ db, actor, now }: Ctx,
	input: StaffMemberInput
): Promise<StaffMemberDetail> {
	const user = await findUserById(db, input.userId);
	if (!user || !canSeeStaffMember(actor, user)) throw new AppError('not_found', 'error_not_found');
	const { userId } = validate(staffMemberInput, input);
	const sessions = await db
		.selectFrom('sessions')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('userId', '=', userId)
		.where('expiresAt', '>', now)
		.executeTakeFirstOrThrow();
	const twoFactor = await db
		.selectFrom('twoFactorSecrets')
		.select('confirmedAt')
		.where('userId', '=', userId)
		.executeTakeFirst();
	return {
		id: user.id,
		schoolId: user.schoolId,
		fullName: user.fullName,
		email: user.email,
		role: user.role,
		isActive: user.isActive,
		isOperator: user.isOperator,
		experienceYears: user.experienceYears,
		qualificationCategory: user.qualificationCategory,
		createdAt: user.createdAt,
		deactivatedAt: user.deactivatedAt,
		subjectIds: await subjectIdsOf(db, userId),
		activeSessions: Number(sessions.count),
		hasTwoFactor: Boolean(twoFactor?.confirmedAt),
		canManage: accountActionRefusal(actor, user) === null
	};
}
