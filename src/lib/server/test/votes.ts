import { randomBytes } from 'node:crypto';
import type { DB } from '../db/types';
import { asId, type VoteId, type VoteOptionId } from '../domain/ids';
import { ballotSeal } from '../domain/votes/seal';

/** A ballot seal with a fresh key, as a deployment's BALLOT_KEY would give. */
export const testSeal = () => ballotSeal(randomBytes(32));

/** A yes/no vote's options by code: `yes`, `no`, `abstain`. */
export async function voteOptionsByCode(
	db: DB,
	voteId: VoteId
): Promise<Record<string, VoteOptionId>> {
	const options = await db
		.selectFrom('voteOptions')
		.select(['id', 'code'])
		.where('voteId', '=', voteId)
		.execute();
	return Object.fromEntries(options.map((o) => [o.code ?? o.id, asId<VoteOptionId>(o.id)]));
}
