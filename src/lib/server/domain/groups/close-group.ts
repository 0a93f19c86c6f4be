import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { closeInput } from './input';
import { canManageGroup } from './policy';
import { assertAllowed, assertOpen, groupAccess, recordEvent } from './queries';

/** §3.6: the leader or administration closes the group; it stays visible, read-only. */
export async function closeGroup(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canManageGroup(actor, access));
	assertOpen(access);
	const { reason } = validate(closeInput, rawInput);
	await inTransaction(db, async (trx) => {
		const closed = await trx
			.updateTable('groups')
			.set({ closedAt: now, closedBy: actor.id, closedReason: reason, updatedAt: now })
			.where('id', '=', groupId)
			.where('closedAt', 'is', null)
			.executeTakeFirst();
		// Closed meanwhile (a double submit): once is enough.
		if (Number(closed.numUpdatedRows) !== 1) throw new AppError('conflict', 'error_group_closed');
		// Nothing waits on a closed group.
		await trx
			.updateTable('membershipRequests')
			.set({ status: 'withdrawn', decidedBy: actor.id, decidedAt: now })
			.where('groupId', '=', groupId)
			.where('status', '=', 'pending')
			.execute();
		await recordEvent(trx, { groupId, kind: 'closed', actorId: actor.id, reason }, now);
	});
}
