import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import { nextNumber } from '../../db/next-number';
import type { DB, VoteOptionCode } from '../../db/types';
import { AppError } from '../../errors';
import { links, notify } from '../../notify';
import { validate, ValidationError, type FieldIssue } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupWorkAccess } from '../group-access/access';
import { canRunVotes } from '../group-access/policy';
import { asId, type VoteId } from '../ids';
import { recordProposalEvent } from '../proposals/queries';
import { recordSecurityEvent } from '../../security/events';
import { openVoteInput, type OpenVoteInput } from './input';

const yesNo: VoteOptionCode[] = ['yes', 'no', 'abstain'];

/**
 * §3.3: the leader puts a proposal in discussion (or a free question) to the group's vote.
 * The roll of who may vote is fixed now: the current members, external members only where
 * the group lets them vote and the leader chose so.
 */
export async function openVote(
	{ db, actor, now }: Ctx,
	input: OpenVoteInput
): Promise<{ voteId: VoteId; number: number }> {
	const access = await groupWorkAccess(db, actor, input.groupId);
	assertAllowed(canRunVotes(actor, access));
	assertOpen(access);
	const vote = validate(openVoteInput, input);
	const { groupId, closesAt } = vote;
	const issues: FieldIssue[] = [];
	const labels = vote.kind === 'yes_no' ? [] : vote.options;
	if (vote.kind !== 'yes_no' && labels.length < 2)
		issues.push({ field: 'options', key: 'error_vote_options', params: { min: 2 } });
	if (new Set(labels.map((l) => l.toLocaleLowerCase('ky'))).size !== labels.length)
		issues.push({ field: 'options', key: 'error_vote_options_repeat' });
	const maxChoices = vote.kind === 'multiple' ? (vote.maxChoices ?? labels.length) : 1;
	if (vote.kind === 'multiple' && labels.length >= 2 && maxChoices > labels.length)
		issues.push({
			field: 'maxChoices',
			key: 'error_number_max',
			params: { max: labels.length }
		});
	if (closesAt && closesAt.getTime() <= now.getTime() + 60_000)
		issues.push({ field: 'closesAt', key: 'error_vote_deadline_past' });
	if (vote.collectionEditionId && vote.kind !== 'yes_no')
		issues.push({ field: 'kind', key: 'error_vote_edition_yes_no' });
	if (vote.isExternalAllowed && !access.group.isExternalVoteAllowed)
		issues.push({ field: 'isExternalAllowed', key: 'error_vote_external_off' });
	if (issues.length > 0) throw new ValidationError(issues);

	const voteId = asId<VoteId>(newId());
	return retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			if (vote.proposalId) {
				const moved = await trx
					.updateTable('proposals')
					.set({ status: 'vote', updatedAt: now })
					.where('id', '=', vote.proposalId)
					.where('groupId', '=', groupId)
					.where('status', '=', 'discussion')
					.executeTakeFirst();
				if (Number(moved.numUpdatedRows) === 0)
					throw new AppError('conflict', 'error_proposal_not_in_discussion', {
						field: 'proposalId'
					});
				await recordProposalEvent(trx, vote.proposalId, 'discussion', 'vote', actor.id, now);
			}
			if (vote.collectionEditionId)
				await assertEditionVotable(trx, groupId, vote.collectionEditionId);
			const number = await nextNumber(trx, 'votes', groupId);
			await trx
				.insertInto('votes')
				.values({
					id: voteId,
					groupId,
					number,
					proposalId: vote.proposalId ?? null,
					collectionEditionId: vote.collectionEditionId ?? null,
					question: vote.question,
					description: vote.description,
					kind: vote.kind,
					maxChoices,
					quorumPercent: vote.quorumPercent ?? null,
					closesAt: closesAt ?? null,
					isSecret: vote.isSecret,
					isExternalAllowed: vote.isExternalAllowed,
					// A secret ballot's count shows only once closed (see canSeeTally).
					isTallyLive: vote.tally === 'live' && !vote.isSecret,
					status: 'open',
					openedBy: actor.id,
					openedAt: now,
					closedAt: null,
					updatedAt: now
				})
				.execute();
			const choices =
				vote.kind === 'yes_no'
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
			if (!vote.isExternalAllowed) roll = roll.where('u.schoolId', '=', access.schoolId);
			const voters = await roll.execute();
			await trx
				.insertInto('voteRoll')
				.values(voters.map((v) => ({ voteId, userId: v.userId })))
				.execute();
			if (vote.isSecret)
				await recordSecurityEvent(
					trx,
					{
						kind: 'secret_vote_opened',
						actorId: actor.id,
						schoolId: access.schoolId,
						detail: { voteId, groupId, rollCount: voters.length }
					},
					now
				);
			await notify(
				{ db: trx, now, actor },
				{
					kind: 'vote.opened',
					key: voteId,
					groupId,
					subject: vote.question,
					link: links.vote(groupId, voteId),
					params: { closesAt: closesAt?.toISOString() ?? '' },
					voteId
				}
			);
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
