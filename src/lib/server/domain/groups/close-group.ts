import { forgetWal } from '../../db/forget-wal';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { closeGroupInput, type CloseGroupInput } from './input';
import { canManageGroup } from '../group-access/policy';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { recordEvent } from '../group-access/members';
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
export async function closeGroup({ db, actor, now }: Ctx, input: CloseGroupInput): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canManageGroup(actor, access));
	assertOpen(access);
	const { groupId, reason } = validate(closeGroupInput, input);
	const seal = input.seal ?? noSeal;
	await retryOnConflict(() =>
		inTransaction(db, async (trx) => {
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
			for (const vote of open) {
				// One past its deadline closed then, as it would have on its next read.
				const overdue = vote.closesAt !== null && vote.closesAt <= now;
				try {
					await closeVoteNow(trx, seal, vote, {
						byDeadline: overdue,
						text: '',
						meetingId: null,
						recordedBy: overdue ? null : actor.id,
						at: overdue ? vote.closesAt! : now,
						toldAt: now
					});
				} catch (error) {
					// The leader or its deadline closed it a moment ago: counted already.
					if (!(error instanceof AppError && error.messageKey === 'error_vote_closed')) throw error;
				}
			}
			await recordEvent(trx, { groupId, kind: 'closed', actorId: actor.id, reason }, now);
		})
	);
	await forgetWal(db);
}
