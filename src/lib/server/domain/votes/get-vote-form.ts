import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupWorkAccess } from '../group-access/access';
import { canRunVotes } from '../group-access/policy';
import type { GetVoteFormInput } from './input';

/** What the leader's "open a vote" form offers: proposals in discussion, the group's setting. */
export async function getVoteForm({ db, actor }: Ctx, { groupId, editionId }: GetVoteFormInput) {
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
	// The "put to the group's vote" link of a compiled edition of a collection.
	const edition = editionId
		? await db
				.selectFrom('collectionEditions as e')
				.innerJoin('collections as c', 'c.id', 'e.collectionId')
				.select(['e.id', 'e.number', 'c.title'])
				.where('e.id', '=', editionId)
				.where('c.groupId', '=', groupId)
				.where('e.status', '=', 'done')
				.executeTakeFirst()
		: undefined;
	return {
		edition: edition ? { ...edition, number: Number(edition.number) } : null,
		proposals: proposals.map((p) => ({ ...p, number: Number(p.number) })),
		isExternalVoteAllowed: access.group.isExternalVoteAllowed
	};
}
