import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate, ValidationError } from '../../validation';
import type { Ctx } from '../context';
import { assertOpen } from '../group-access/access';
import { isPasswordFromAdminReset } from '../accounts/admin-reset-mark';
import { castBallotInput, type CastBallotInput } from './input';
import { canVote, whyNotVoting } from './policy';
import { voteAccess, voteOptions } from './queries';

/**
 * One person, one vote (§3.3): casting again replaces the ballot until the vote closes. The
 * vote's row is claimed first, guarded by "still open", so a ballot and the closing never
 * interleave: a ballot after the close (or the deadline) is refused, never lost in a count.
 * A secret ballot is not replaced from an account whose password an admin's link set.
 */
export async function castBallot(
	{ db, actor, now }: Ctx,
	input: CastBallotInput
): Promise<{ changed: boolean }> {
	const { seal } = input;
	const access = await voteAccess(db, seal, actor, input.groupId, input.voteId, now);
	const { vote } = access;
	const externalMayVote = access.group.isExternalVoteAllowed;
	if (!canVote(actor, access, access.isOnRoll, externalMayVote))
		throw new AppError('forbidden', whyNotVoting(actor, access, vote, externalMayVote));
	assertOpen(access);
	if (vote.status !== 'open') throw new AppError('conflict', 'error_vote_closed');
	const { voteId, choices: chosen } = validate(castBallotInput, input);
	const options = new Set<string>((await voteOptions(db, voteId)).map((o) => o.id));
	const choices = [...new Set(chosen)];
	if (choices.length === 0 || choices.some((c) => !options.has(c)))
		throw new ValidationError([{ field: 'choices', key: 'error_vote_choose' }]);
	if (choices.length > vote.maxChoices)
		throw new ValidationError([
			{ field: 'choices', key: 'error_vote_too_many', params: { max: vote.maxChoices } }
		]);
	return inTransaction(db, async (trx) => {
		const claimed = await trx
			.updateTable('votes')
			.set({ updatedAt: now })
			.where('id', '=', voteId)
			.where('status', '=', 'open')
			.where((eb) => eb.or([eb('closesAt', 'is', null), eb('closesAt', '>', now)]))
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) === 0) throw new AppError('conflict', 'error_vote_closed');
		const ballot = vote.isSecret
			? { choices: null, sealed: seal.seal(voteId, actor.id, choices) }
			: { choices: JSON.stringify(choices), sealed: null };
		const before = await trx
			.selectFrom('ballots')
			.select('voterId')
			.where('voteId', '=', voteId)
			.where('voterId', '=', actor.id)
			.executeTakeFirst();
		// Whoever issued the reset link could be the one signed in: a secret ballot cast
		// already is not theirs to replace (issue 16). Checked after the vote's row is
		// claimed, so two first ballots sent at once cannot make the second a change.
		if (before && vote.isSecret && (await isPasswordFromAdminReset(trx, actor.id)))
			throw new AppError('forbidden', 'ballot_error_after_admin_reset');
		await trx
			.insertInto('ballots')
			.values({ voteId, voterId: actor.id, ...ballot, castAt: now, changedAt: null })
			.onConflict((oc) =>
				oc.columns(['voteId', 'voterId']).doUpdateSet({ ...ballot, changedAt: now })
			)
			.execute();
		return { changed: before !== undefined };
	});
}
