import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { closeInput } from './input';
import { canManageGroup } from './policy';
import { assertAllowed, assertOpen, groupAccess, recordEvent } from './queries';
import { closeVoteNow } from '../votes/queries';
import type { BallotSeal } from '../votes/seal';

/** For callers with no secret vote to count: asked to open a ballot, it refuses. */
const noSeal: BallotSeal = {
	seal: () => {
		throw new Error('closeGroup: no ballot seal given');
	},
	open: () => {
		throw new Error('closeGroup: no ballot seal given');
	}
};

/**
 * §3.6: the leader or administration closes the group; it stays visible, read-only. Its open
 * votes are closed and counted first: a read-only group can never close them later, and
 * secret ballots must not stay sealed.
 */
export async function closeGroup(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date(),
	seal: BallotSeal = noSeal
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
		const open = await trx
			.selectFrom('votes')
			.selectAll()
			.where('groupId', '=', groupId)
			.where('status', '=', 'open')
			.execute();
		for (const vote of open)
			await closeVoteNow(trx, seal, vote, {
				byDeadline: false,
				text: '',
				meetingId: null,
				recordedBy: actor.id,
				at: now
			});
		await recordEvent(trx, { groupId, kind: 'closed', actorId: actor.id, reason }, now);
	});
}
