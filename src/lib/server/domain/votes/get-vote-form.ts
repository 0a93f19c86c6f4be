import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { assertAllowed, assertOpen } from '../groups/queries';
import { groupWorkAccess } from '../proposals/queries';
import { canRunVotes } from './policy';

/** What the leader's "open a vote" form offers: proposals in discussion, the group's setting. */
export async function getVoteForm(db: DB, actor: Actor, groupId: string) {
	const access = await groupWorkAccess(db, actor, groupId);
	assertAllowed(canRunVotes(actor, access));
	assertOpen(access);
	const proposals = await db
		.selectFrom('proposals')
		.select(['id', 'number', 'title'])
		.where('groupId', '=', groupId)
		.where('status', '=', 'discussion')
		.orderBy('number')
		.execute();
	return {
		proposals: proposals.map((p) => ({ ...p, number: Number(p.number) })),
		isExternalVoteAllowed: access.group.isExternalVoteAllowed
	};
}
