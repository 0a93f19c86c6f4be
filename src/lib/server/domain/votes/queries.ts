import type { Actor } from '../../access/actor';
import { forgetWal } from '../../db/forget-wal';
import { nextNumber } from '../../db/next-number';
import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import type { DB, DecisionOutcome, ProposalStatus, Vote } from '../../db/types';
import { AppError } from '../../errors';
import { links, notify } from '../../notify';
import { ValidationError } from '../../validation';
import type { GroupAccess } from '../group-access/access';
import { groupWorkAccess } from '../group-access/access';
import { recordProposalEvent } from '../proposals/queries';
import type { BallotSeal } from './seal';
import { recordSecurityEvent } from '../../security/events';
import { getSecuritySettings } from '../schools/security-settings';
import { assertWordingFits } from './policy';
import { countBallots, withheld, type Tally } from './tally';

export interface VoteAccess extends GroupAccess {
	vote: Vote;
	isOnRoll: boolean;
}

/**
 * A vote of the group the actor may see. A vote whose deadline has passed is closed first,
 * so that nobody ever sees it open (or casts into it) after its time.
 */
export async function voteAccess(
	db: DB,
	seal: BallotSeal,
	actor: Actor,
	groupId: string,
	voteId: string,
	now: Date
): Promise<VoteAccess> {
	const access = await groupWorkAccess(db, actor, groupId);
	if (!access.isClosed) await closeOverdue(db, seal, groupId, now, voteId);
	const vote = await db
		.selectFrom('votes')
		.selectAll()
		.where('id', '=', voteId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!vote) throw new AppError('not_found', 'error_vote_not_found');
	const onRoll = await db
		.selectFrom('voteRoll')
		.select('userId')
		.where('voteId', '=', voteId)
		.where('userId', '=', actor.id)
		.executeTakeFirst();
	return { ...access, vote, isOnRoll: onRoll !== undefined };
}

/** Closes the group's open votes whose deadline has passed (or just the one named). */
export async function closeOverdue(
	db: DB,
	seal: BallotSeal,
	groupId: string,
	now: Date,
	voteId?: string
): Promise<void> {
	let query = db
		.selectFrom('votes')
		.selectAll()
		.where('groupId', '=', groupId)
		.where('status', '=', 'open')
		.where('closesAt', '<=', now);
	if (voteId) query = query.where('id', '=', voteId);
	for (const vote of await query.execute()) {
		try {
			await closeVoteNow(db, seal, vote, {
				byDeadline: true,
				text: '',
				meetingId: null,
				recordedBy: null,
				at: vote.closesAt!,
				toldAt: now
			});
		} catch (error) {
			// Another request closed it first: that is the same result. Anything else (a ballot
			// key that cannot open the ballots) must be seen, not taken for "already closed".
			if (!(error instanceof AppError && error.messageKey === 'error_vote_closed')) throw error;
		}
	}
}

/** The ballots' choices, unsealed for a secret vote. */
export async function ballotChoices(
	db: DB,
	seal: BallotSeal,
	vote: Vote
): Promise<{ voterId: string; choices: string[] }[]> {
	const rows = await db
		.selectFrom('ballots')
		.select(['voterId', 'choices', 'sealed'])
		.where('voteId', '=', vote.id)
		.execute();
	return rows.map((r) => ({
		voterId: r.voterId,
		choices: vote.isSecret
			? r.sealed
				? seal.open(vote.id, r.voterId, r.sealed)
				: []
			: (JSON.parse(r.choices ?? '[]') as string[])
	}));
}

export async function voteOptions(db: DB, voteId: string) {
	return db
		.selectFrom('voteOptions')
		.select(['id', 'code', 'label'])
		.where('voteId', '=', voteId)
		.orderBy('position')
		.execute();
}

export async function rollCount(db: DB, voteId: string): Promise<number> {
	const row = await db
		.selectFrom('voteRoll')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('voteId', '=', voteId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The tally as it stands (open) or as it was recorded (closed). */
export async function currentTally(db: DB, seal: BallotSeal, vote: Vote): Promise<Tally> {
	const [options, ballots, roll] = await Promise.all([
		voteOptions(db, vote.id),
		ballotChoices(db, seal, vote),
		rollCount(db, vote.id)
	]);
	return countBallots(
		vote,
		options,
		ballots.map((b) => b.choices),
		roll
	);
}

const proposalAfter: Record<Tally['outcome'], ProposalStatus> = {
	accepted: 'accepted',
	chosen: 'accepted',
	rejected: 'rejected',
	// Nothing was decided: back to discussion, where the leader may put it to a vote again.
	no_quorum: 'discussion'
};

/**
 * Closes the vote and records its decision in one transaction: the tally is counted, the
 * secret seals are wiped, and a proposal voted on moves to its outcome. The status guard
 * makes the vote's row the lock every ballot also takes, so no ballot slips in after the
 * count, and a second close is refused.
 */
export async function closeVoteNow(
	db: DB,
	seal: BallotSeal,
	vote: Vote,
	decision: {
		byDeadline: boolean;
		text: string;
		/** The outcome the wording was written for: refused (and not closed) if it differs. */
		writtenFor?: DecisionOutcome;
		meetingId: string | null;
		recordedBy: string | null;
		at: Date;
		/** When the members learn it (a deadline passed a while ago is found now). */
		toldAt?: Date;
		/**
		 * The leader closing early: a secret vote with fewer ballots than the minimum stays
		 * open (409) rather than closing with its tally withheld. Its deadline, or the group
		 * closing, still closes it.
		 */
		refuseTooFew?: boolean;
	}
): Promise<{ decisionId: string; tally: Tally }> {
	const close = () =>
		inTransaction(db, async (trx) => {
			const closed = await trx
				.updateTable('votes')
				.set({ status: 'closed', closedAt: decision.at, updatedAt: decision.at })
				.where('id', '=', vote.id)
				.where('status', '=', 'open')
				.executeTakeFirst();
			if (Number(closed.numUpdatedRows) === 0) throw new AppError('conflict', 'error_vote_closed');
			const counted = await currentTally(trx, seal, vote);
			const { secretVoteMinBallots: min } = await getSecuritySettings(trx);
			const tooFew = vote.isSecret && counted.participantCount < min;
			if (tooFew && decision.refuseTooFew)
				throw new AppError('conflict', 'ballot_error_close_too_few', { params: { min } });
			const tally = tooFew ? withheld(counted) : counted;
			assertWordingFits(decision.writtenFor, tally.outcome);
			await trx
				.updateTable('ballots')
				.set({ sealed: null })
				.where('voteId', '=', vote.id)
				.execute();
			const number = await nextNumber(trx, 'decisions', vote.groupId);
			const decisionId = newId();
			await trx
				.insertInto('decisions')
				.values({
					id: decisionId,
					groupId: vote.groupId,
					number,
					voteId: vote.id,
					proposalId: vote.proposalId,
					meetingId: decision.meetingId,
					text: decision.text,
					outcome: tally.outcome,
					tally: JSON.stringify(tally.lines),
					rollCount: tally.rollCount,
					participantCount: tally.participantCount,
					quorumPercent: tally.quorumPercent,
					isQuorumMet: tally.isQuorumMet,
					isClosedByDeadline: decision.byDeadline,
					decidedAt: decision.at,
					recordedBy: decision.recordedBy,
					updatedAt: decision.at
				})
				.execute();
			if (vote.proposalId) {
				const to = proposalAfter[tally.outcome];
				const moved = await trx
					.updateTable('proposals')
					.set({ status: to, updatedAt: decision.at })
					.where('id', '=', vote.proposalId)
					.where('status', '=', 'vote')
					.executeTakeFirst();
				if (Number(moved.numUpdatedRows) > 0)
					await recordProposalEvent(
						trx,
						vote.proposalId,
						'vote',
						to,
						decision.recordedBy,
						decision.at
					);
			}
			if (vote.isSecret)
				await recordSecurityEvent(
					trx,
					{
						kind: 'secret_vote_closed',
						actorId: decision.recordedBy,
						schoolId: await schoolOf(trx, vote.groupId),
						detail: {
							voteId: vote.id,
							groupId: vote.groupId,
							ballots: tally.participantCount,
							isByDeadline: decision.byDeadline,
							isTallyWithheld: tooFew
						}
					},
					decision.at
				);
			// The members learn the outcome; the leader who closed it knows it already.
			await notify(
				{
					db: trx,
					now: decision.toldAt ?? decision.at,
					actor: decision.recordedBy ? { id: decision.recordedBy } : null
				},
				{
					kind: 'vote.closed',
					key: vote.id,
					groupId: vote.groupId,
					subject: vote.question,
					link: links.vote(vote.groupId, vote.id),
					params: { outcome: tally.outcome },
					voteId: vote.id
				}
			);
			return { decisionId, tally };
		});
	// Inside a caller's transaction a retry would run in an aborted one: the caller retries.
	const result = await (db.isTransaction ? close() : retryOnConflict(close));
	await forgetWal(db);
	return result;
}

/** The meeting chosen for a decision belongs to the group and took place. */
export async function assertGroupMeeting(
	db: DB,
	groupId: string,
	meetingId: string | undefined
): Promise<string | null> {
	if (!meetingId) return null;
	const meeting = await db
		.selectFrom('meetings')
		.select('id')
		.where('id', '=', meetingId)
		.where('groupId', '=', groupId)
		// A cancelled meeting took no decision.
		.where('cancelledAt', 'is', null)
		.executeTakeFirst();
	if (!meeting) throw new ValidationError([{ field: 'meetingId', key: 'error_choice' }]);
	return meeting.id;
}

/** The school a group belongs to, for a security event. */
export async function schoolOf(db: DB, groupId: string): Promise<string | null> {
	const group = await db
		.selectFrom('groups')
		.select('schoolId')
		.where('id', '=', groupId)
		.executeTakeFirst();
	return group?.schoolId ?? null;
}
