import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { inviteTeacherInput } from './input';
import { openRequest } from './membership-requests';
import { canManageGroup } from '../group-access/policy';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { findStaffOfSchool, isCurrentMember } from '../group-access/members';

/** The leader or administration invites a teacher of the school; they join only if they accept. */
export async function inviteTeacher(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ requestId: string }> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canManageGroup(actor, access));
	assertOpen(access);
	const input = validate(inviteTeacherInput, rawInput);
	const teacher = await findStaffOfSchool(db, access.schoolId, input.userId);
	if (!teacher) throw new AppError('invalid', 'error_choice', { field: 'userId' });
	if (await isCurrentMember(db, groupId, teacher.id))
		throw new AppError('conflict', 'error_already_member', { field: 'userId' });
	const requestId = await openRequest(
		db,
		{
			groupId,
			userId: teacher.id,
			kind: 'invitation',
			message: input.message ?? '',
			createdBy: actor.id
		},
		now
	);
	return { requestId };
}
