import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import type { Ctx } from '../context';
import type { GroupInput } from './input';
import { canReopen } from '../group-access/policy';
import { assertAllowed, groupAccess } from '../group-access/access';
import { recordEvent } from '../group-access/members';

/** The administration reopens a closed group (§3.6: nothing was deleted). */
export async function reopenGroup({ db, actor, now }: Ctx, input: GroupInput): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	const groupId = access.group.id;
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
