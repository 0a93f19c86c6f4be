import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { canLeave } from '../group-access/policy';
import { assertOpen, groupAccess } from '../group-access/access';
import { recordEvent } from '../group-access/members';

/** §5.2: membership is voluntary and mobile; a member may leave at any time. */
export async function leaveGroup(
	db: DB,
	actor: Actor,
	groupId: string,
	now = new Date()
): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
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
	});
}
