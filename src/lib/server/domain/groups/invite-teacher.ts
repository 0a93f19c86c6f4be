import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { asId, type MembershipRequestId } from '../ids';
import { inviteTeacherInput, type InviteTeacherInput } from './input';
import { inviteToGroup } from './notify-membership';
import { takeMailSlot } from '../accounts/mail-limits';
import { canManageGroup } from '../group-access/policy';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { findStaffOfSchool, isCurrentMember } from '../group-access/members';

/** The leader or administration invites a teacher of the school; they join only if they accept. */
export async function inviteTeacher(
	{ db, actor, now }: Ctx,
	input: InviteTeacherInput
): Promise<{ requestId: MembershipRequestId }> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canManageGroup(actor, access));
	assertOpen(access);
	const { groupId, userId, message } = validate(inviteTeacherInput, input);
	const teacher = await findStaffOfSchool(db, access.schoolId, userId);
	if (!teacher) throw new AppError('invalid', 'error_choice', { field: 'userId' });
	if (await isCurrentMember(db, groupId, teacher.id))
		throw new AppError('conflict', 'error_already_member', { field: 'userId' });
	// The invitation is mailed to them (by their notification settings): limited per colleague
	// and per client address, before the transaction so parallel requests see the count. Not
	// per sender: these go only to the school's own staff, and a leader setting up a group
	// invites its 20–30 colleagues at once.
	await takeMailSlot(
		db,
		{
			purpose: 'group_invitation',
			recipient: `user:${teacher.id}`,
			senderId: actor.id,
			countsForSender: false,
			field: 'userId'
		},
		now
	);
	const requestId = await inTransaction(db, (trx) =>
		inviteToGroup(
			{ db: trx, now, actor },
			{ groupId, name: access.group.name },
			teacher.id,
			message ?? ''
		)
	);
	return { requestId: asId<MembershipRequestId>(requestId) };
}
