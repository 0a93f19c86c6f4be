import type { Actor } from '../../access/actor';
import { isUniqueViolation } from '../../db/errors';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { links, notify } from '../../notify';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import type { GroupId, UserId } from '../ids';
import { changeLeaderInput, type ChangeLeaderInput } from './input';
import { canChangeLeader } from '../group-access/policy';
import {
	addMember,
	currentLeaderId,
	findStaffOfSchool,
	isCurrentMember,
	recordEvent
} from '../group-access/members';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';

/**
 * §3.5: the administration replaces the leader, with a reason kept in the history. The
 * former leader stays a member; the new one joins if not a member yet.
 */
export async function changeLeader(
	{ db, actor, now }: Ctx,
	input: ChangeLeaderInput
): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	assertOpen(access);
	assertAllowed(canChangeLeader(actor, access));
	const change = validate(changeLeaderInput, input);
	await inTransaction(db, (trx) =>
		replace(trx, actor, { ...change, groupName: access.group.name }, access.schoolId, now)
	).catch((error: unknown) => {
		// Two changes at once: the one-leader index refuses the second.
		if (isUniqueViolation(error)) throw new AppError('conflict', 'error_membership_changed');
		throw error;
	});
}

async function replace(
	trx: DB,
	actor: Actor,
	input: { groupId: GroupId; leaderId: UserId; reason: string; groupName: string },
	schoolId: string,
	now: Date
): Promise<void> {
	const { groupId } = input;
	const leader = await findStaffOfSchool(trx, schoolId, input.leaderId);
	if (!leader) throw new AppError('invalid', 'error_choice', { field: 'leaderId' });
	const previous = await currentLeaderId(trx, groupId);
	if (previous === leader.id)
		throw new AppError('invalid', 'error_already_leader', { field: 'leaderId' });
	if (previous)
		await trx
			.updateTable('groupMembers')
			.set({ role: 'member' })
			.where('groupId', '=', groupId)
			.where('userId', '=', previous)
			.execute();
	if (await isCurrentMember(trx, groupId, leader.id))
		await trx
			.updateTable('groupMembers')
			.set({ role: 'leader' })
			.where('groupId', '=', groupId)
			.where('userId', '=', leader.id)
			.execute();
	else await addMember(trx, { groupId, userId: leader.id, role: 'leader', actorId: actor.id }, now);
	// A pending request or invitation of the new leader has nothing left to decide.
	await trx
		.updateTable('membershipRequests')
		.set({ status: 'withdrawn', decidedAt: now, decidedBy: actor.id })
		.where('groupId', '=', groupId)
		.where('userId', '=', leader.id)
		.where('status', '=', 'pending')
		.execute();
	await recordEvent(
		trx,
		{
			groupId,
			kind: 'leader_changed',
			userId: leader.id,
			previousUserId: previous ?? null,
			actorId: actor.id,
			reason: input.reason
		},
		now
	);
	const told = { db: trx, now, actor };
	const about = {
		key: `${groupId}:${now.getTime()}`,
		groupId,
		subject: input.groupName,
		link: links.group(groupId)
	};
	await notify(told, { ...about, kind: 'group.leader_appointed', userIds: [leader.id] });
	if (previous)
		await notify(told, { ...about, kind: 'group.leader_replaced', userIds: [previous] });
}
