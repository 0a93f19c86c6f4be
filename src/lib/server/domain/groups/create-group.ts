import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { links, notify } from '../../notify';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { asId, type GroupId } from '../ids';
import { createGroupInput, type CreateGroupInput } from './input';
import { canCreateGroup } from '../group-access/policy';
import { addMember, findStaffOfSchool, recordEvent } from '../group-access/members';
import { assertAllowed } from '../group-access/access';
import { addDefaultCriteria } from '../materials/criteria';
import { addRevision, changedFields, charterOf } from './revisions';

/** §3.1, §3.5: the administration creates a group and appoints its leader. */
export async function createGroup(
	{ db, actor, now }: Ctx,
	input: CreateGroupInput
): Promise<{ groupId: GroupId }> {
	assertAllowed(canCreateGroup(actor, input.schoolId));
	const group = validate(createGroupInput, input);
	const { schoolId } = group;
	const groupId = asId<GroupId>(newId());
	await inTransaction(db, async (trx) => {
		const leader = await findStaffOfSchool(trx, schoolId, group.leaderId);
		if (!leader) throw new AppError('invalid', 'error_choice', { field: 'leaderId' });
		const charter = charterOf(group);
		await trx
			.insertInto('groups')
			.values({
				id: groupId,
				schoolId,
				...charter,
				startedOn: group.startedOn,
				isExternalVoteAllowed: false,
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now,
				closedAt: null,
				closedBy: null,
				closedReason: null
			})
			.execute();
		await recordEvent(trx, { groupId, kind: 'created', actorId: actor.id }, now);
		await addRevision(
			trx,
			{ groupId, authorId: actor.id, charter, changed: changedFields(null, charter) },
			now
		);
		await addMember(trx, { groupId, userId: leader.id, role: 'leader', actorId: actor.id }, now);
		await addDefaultCriteria(trx, groupId, now);
		await recordEvent(
			trx,
			{ groupId, kind: 'leader_changed', userId: leader.id, actorId: actor.id },
			now
		);
		await notify(
			{ db: trx, now, actor },
			{
				kind: 'group.leader_appointed',
				key: `${groupId}:${now.getTime()}`,
				groupId,
				subject: charter.name,
				link: links.group(groupId),
				userIds: [leader.id]
			}
		);
	});
	return { groupId };
}
