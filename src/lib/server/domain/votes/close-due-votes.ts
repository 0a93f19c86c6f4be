import type { DB } from '../../db/types';
import type { BallotSeal } from './seal';
import { closeOverdue } from './queries';

/**
 * Closes every open vote whose deadline has passed, in groups still working. Such a vote
 * is otherwise closed only when someone next opens it; a periodic sweep calling this tells
 * the members its decision within minutes, without anyone looking. Returns the groups seen.
 */
export async function closeDueVotes(db: DB, seal: BallotSeal, now: Date): Promise<number> {
	const groups = await db
		.selectFrom('votes as v')
		.innerJoin('groups as g', 'g.id', 'v.groupId')
		.select('v.groupId')
		.distinct()
		.where('v.status', '=', 'open')
		.where('v.closesAt', '<=', now)
		.where('g.closedAt', 'is', null)
		.execute();
	for (const { groupId } of groups) await closeOverdue(db, seal, groupId, now);
	return groups.length;
}
