import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { links, notify } from '../../notify';
import type { Ctx } from '../context';
import type { GroupInput } from './input';
import { canLeave } from '../group-access/policy';
import { assertOpen, groupAccess } from '../group-access/access';
import { recordEvent } from '../group-access/members';

/** §5.2: membership is voluntary and mobile; a member may leave at any time. */
export async function leaveGroup({ db, actor, now }: Ctx, input: GroupInput): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	const groupId = access.group.id;
	assertOpen(access);
	if (access.role === 'leader') throw new AppError('conflict', 'error_leader_cannot_leave');
	if (!canLeave(actor, access)) throw new AppError('forbidden', 'error_forbidden');
	await inTransaction(db, async (trx) => {
		// Still a plain member now (not made leader meanwhile, not left by a double submit).
		const left = await trx
			.updateTable('groupMembers')
			.set({ leftAt: now })
			.where('groupId', '=', groupId)
			.where('userId', '=', actor.id)
			.where('role', '=', 'member')
			.where('leftAt', 'is', null)
			.executeTakeFirst();
		if (Number(left.numUpdatedRows) !== 1)
			throw new AppError('conflict', 'error_membership_changed');
		await recordEvent(trx, { groupId, kind: 'left', userId: actor.id, actorId: actor.id }, now);
		await notify(
			{ db: trx, now, actor },
			{
				kind: 'group.member_left',
				key: `${groupId}:${actor.id}:${now.getTime()}`,
				groupId,
				subject: access.group.name,
				link: links.members(groupId),
				params: { person: actor.fullName }
			}
		);
	});
}
