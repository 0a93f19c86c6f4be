import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { createGroupInput } from './input';
import { canCreateGroup } from '../group-access/policy';
import { addMember, findStaffOfSchool, recordEvent } from '../group-access/members';
import { assertAllowed } from '../group-access/access';
import { addDefaultCriteria } from '../materials/criteria';
import { addRevision, changedFields, charterOf } from './revisions';

/** §3.1, §3.5: the administration creates a group and appoints its leader. */
export async function createGroup(
	db: DB,
	actor: Actor,
	schoolId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ groupId: string }> {
	assertAllowed(canCreateGroup(actor, schoolId));
	const input = validate(createGroupInput, rawInput);
	const groupId = newId();
	await inTransaction(db, async (trx) => {
		const leader = await findStaffOfSchool(trx, schoolId, input.leaderId);
		if (!leader) throw new AppError('invalid', 'error_choice', { field: 'leaderId' });
		const charter = charterOf(input);
		await trx
			.insertInto('groups')
			.values({
				id: groupId,
				schoolId,
				...charter,
				startedOn: input.startedOn,
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
	});
	return { groupId };
}
