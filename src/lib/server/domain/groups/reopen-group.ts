import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { canReopen } from '../group-access/policy';
import { assertAllowed, groupAccess } from '../group-access/access';
import { recordEvent } from '../group-access/members';

/** The administration reopens a closed group (§3.6: nothing was deleted). */
export async function reopenGroup(
	db: DB,
	actor: Actor,
	groupId: string,
	now = new Date()
): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canReopen(actor, access));
	if (!access.isClosed) throw new AppError('conflict', 'error_group_not_closed');
	await inTransaction(db, async (trx) => {
		const reopened = await trx
			.updateTable('groups')
			.set({ closedAt: null, closedBy: null, closedReason: null, updatedAt: now })
			.where('id', '=', groupId)
			.where('closedAt', 'is not', null)
			.executeTakeFirst();
		if (Number(reopened.numUpdatedRows) !== 1)
			throw new AppError('conflict', 'error_group_not_closed');
		await recordEvent(trx, { groupId, kind: 'reopened', actorId: actor.id }, now);
	});
}
