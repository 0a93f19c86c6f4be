import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import { nextNumber } from '../../db/next-number';
import type { DB, VoteOptionCode } from '../../db/types';
import { AppError } from '../../errors';
import { validate, ValidationError, type FieldIssue } from '../../validation';
import { fromWallClock } from '../../zoned';
import { assertAllowed, assertOpen } from '../group-access/access';
import { recordProposalEvent } from '../proposals/queries';
import { groupWorkAccess } from '../group-access/access';
import { voteInput } from './input';
import { canRunVotes } from '../group-access/policy';

const yesNo: VoteOptionCode[] = ['yes', 'no', 'abstain'];

/**
 * §3.3: the leader puts a proposal in discussion (or a free question) to the group's vote.
 * The roll of who may vote is fixed now: the current members, external members only where
 * the group lets them vote and the leader chose so.
 */
export async function openVote(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	options: { timeZone: string; now?: Date }
): Promise<{ voteId: string; number: number }> {
	const now = options.now ?? new Date();
	const access = await groupWorkAccess(db, actor, groupId);
	assertAllowed(canRunVotes(actor, access));
	assertOpen(access);
	const input = validate(voteInput, rawInput);
	const issues: FieldIssue[] = [];
	const labels = input.kind === 'yes_no' ? [] : input.options;
	if (input.kind !== 'yes_no' && labels.length < 2)
		issues.push({ field: 'options', key: 'error_vote_options', params: { min: 2 } });
	if (new Set(labels.map((l) => l.toLocaleLowerCase('ky'))).size !== labels.length)
		issues.push({ field: 'options', key: 'error_vote_options_repeat' });
	const maxChoices = input.kind === 'multiple' ? (input.maxChoices ?? labels.length) : 1;
	if (input.kind === 'multiple' && labels.length >= 2 && maxChoices > labels.length)
		issues.push({
			field: 'maxChoices',
			key: 'error_number_max',
			params: { max: labels.length }
		});
	let closesAt: Date | null = null;
	if (input.closesAt) {
		closesAt = fromWallClock(input.closesAt, options.timeZone);
		if (!closesAt) issues.push({ field: 'closesAt', key: 'error_date' });
		else if (closesAt.getTime() <= now.getTime() + 60_000)
			issues.push({ field: 'closesAt', key: 'error_vote_deadline_past' });
	}
	if (input.collectionEditionId && input.kind !== 'yes_no')
		issues.push({ field: 'kind', key: 'error_vote_edition_yes_no' });
	if (input.isExternalAllowed && !access.group.isExternalVoteAllowed)
		issues.push({ field: 'isExternalAllowed', key: 'error_vote_external_off' });
	if (issues.length > 0) throw new ValidationError(issues);

	const voteId = newId();
	return retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			if (input.proposalId) {
				const moved = await trx
					.updateTable('proposals')
					.set({ status: 'vote', updatedAt: now })
					.where('id', '=', input.proposalId)
					.where('groupId', '=', groupId)
					.where('status', '=', 'discussion')
					.executeTakeFirst();
				if (Number(moved.numUpdatedRows) === 0)
					throw new AppError('conflict', 'error_proposal_not_in_discussion', {
						field: 'proposalId'
					});
				await recordProposalEvent(trx, input.proposalId, 'discussion', 'vote', actor.id, now);
			}
			if (input.collectionEditionId)
				await assertEditionVotable(trx, groupId, input.collectionEditionId);
			const number = await nextNumber(trx, 'votes', groupId);
			await trx
				.insertInto('votes')
				.values({
					id: voteId,
					groupId,
					number,
					proposalId: input.proposalId ?? null,
					collectionEditionId: input.collectionEditionId ?? null,
					question: input.question,
					description: input.description,
					kind: input.kind,
					maxChoices,
					quorumPercent: input.quorumPercent ?? null,
					closesAt,
					isSecret: input.isSecret,
					isExternalAllowed: input.isExternalAllowed,
					// A secret ballot's count shows only once closed (see canSeeTally).
					isTallyLive: input.tally === 'live' && !input.isSecret,
					status: 'open',
					openedBy: actor.id,
					openedAt: now,
					closedAt: null,
					updatedAt: now
				})
				.execute();
			const choices =
				input.kind === 'yes_no'
					? yesNo.map((code) => ({ code, label: '' }))
					: labels.map((label) => ({ code: null, label }));
			await trx
				.insertInto('voteOptions')
				.values(choices.map((c, position) => ({ id: newId(), voteId, position, ...c })))
				.execute();
			let roll = trx
				.selectFrom('groupMembers as m')
				.innerJoin('users as u', 'u.id', 'm.userId')
				.select('m.userId')
				.where('m.groupId', '=', groupId)
				.where('m.leftAt', 'is', null);
			// External members: people of no school, or of another one (§5.1).
			if (!input.isExternalAllowed) roll = roll.where('u.schoolId', '=', access.schoolId);
			const voters = await roll.execute();
			await trx
				.insertInto('voteRoll')
				.values(voters.map((v) => ({ voteId, userId: v.userId })))
				.execute();
			return { voteId, number };
		})
	);
}

/**
 * An edition is put to the vote once: compiled, of a collection of this group, not approved
 * yet, and with no vote on it open or already accepting it.
 */
async function assertEditionVotable(db: DB, groupId: string, editionId: string): Promise<void> {
	const edition = await db
		.selectFrom('collectionEditions as e')
		.innerJoin('collections as c', 'c.id', 'e.collectionId')
		.select(['e.status', 'e.approvedAt'])
		.where('e.id', '=', editionId)
		.where('c.groupId', '=', groupId)
		.executeTakeFirst();
	if (!edition) throw new AppError('not_found', 'error_edition_not_found');
	const pending = await db
		.selectFrom('votes as v')
		.leftJoin('decisions as d', 'd.voteId', 'v.id')
		.select('v.id')
		.where('v.collectionEditionId', '=', editionId)
		.where((eb) => eb.or([eb('v.status', '=', 'open'), eb('d.outcome', '=', 'accepted')]))
		.executeTakeFirst();
	if (edition.status !== 'done' || edition.approvedAt !== null || pending)
		throw new AppError('conflict', 'error_edition_not_votable', { field: 'collectionEditionId' });
}
