import type { DB, GroupRole, QualificationCategory } from '../../db/types';

export interface MemberView {
	userId: string;
	fullName: string;
	role: GroupRole;
	/** Scientist or consultant: no school. */
	isExternal: boolean;
	accountRole: string | null;
	subjectIds: string[];
	experienceYears: number | null;
	qualificationCategory: QualificationCategory | null;
	joinedAt: Date;
	leftAt: Date | null;
}

/** Current members (leader first) or former ones, with what the group page shows of them. */
export async function groupMembers(
	db: DB,
	groupId: string,
	which: 'current' | 'former' = 'current'
): Promise<MemberView[]> {
	let query = db
		.selectFrom('groupMembers as m')
		.innerJoin('users as u', 'u.id', 'm.userId')
		.select([
			'm.userId',
			'm.role',
			'm.joinedAt',
			'm.leftAt',
			'u.fullName',
			'u.schoolId',
			'u.role as accountRole',
			'u.experienceYears',
			'u.qualificationCategory'
		])
		.where('m.groupId', '=', groupId);
	query =
		which === 'current'
			? query.where('m.leftAt', 'is', null)
			: query.where('m.leftAt', 'is not', null);
	const rows = await query.execute();
	const subjects = rows.length
		? await db
				.selectFrom('userSubjects')
				.innerJoin('subjects', 'subjects.id', 'userSubjects.subjectId')
				.select(['userSubjects.userId', 'userSubjects.subjectId'])
				.where(
					'userSubjects.userId',
					'in',
					rows.map((r) => r.userId)
				)
				.orderBy('subjects.position')
				.execute()
		: [];
	return rows
		.map((r) => ({
			userId: r.userId,
			fullName: r.fullName,
			role: r.role,
			isExternal: r.schoolId === null,
			accountRole: r.accountRole,
			subjectIds: subjects.filter((s) => s.userId === r.userId).map((s) => s.subjectId),
			experienceYears: r.experienceYears,
			qualificationCategory: r.qualificationCategory,
			joinedAt: r.joinedAt,
			leftAt: r.leftAt
		}))
		.sort((a, b) => (a.role === b.role ? 0 : a.role === 'leader' ? -1 : 1));
}
