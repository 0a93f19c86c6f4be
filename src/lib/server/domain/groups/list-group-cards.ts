import type { Ctx } from '../context';
import type { FacePerson } from './get-group-face';
import type { ListGroupsInput } from './input';
import { listGroups, type GroupSummary } from './list-groups';

export interface GroupCard extends GroupSummary {
	/** The leader as a face (photo or initials), or null while the group has none. */
	leader: FacePerson | null;
}

/** The list of groups as cards: what listGroups gives, with each leader's face. */
export async function listGroupCards(ctx: Ctx, input: ListGroupsInput): Promise<GroupCard[]> {
	// Only the groups listGroups lets the actor see are looked up.
	const groups = await listGroups(ctx, input);
	const ids = groups.map((g) => g.id);
	const leaders = ids.length
		? await ctx.db
				.selectFrom('groupMembers as l')
				.innerJoin('users as u', 'u.id', 'l.userId')
				.select(['l.groupId', 'u.id', 'u.fullName', 'u.photoKey', 'u.photoUpdatedAt'])
				.where('l.groupId', 'in', ids)
				.where('l.role', '=', 'leader')
				.where('l.leftAt', 'is', null)
				.execute()
		: [];
	const byGroup = new Map(leaders.map((l) => [l.groupId, l]));
	return groups.map((group) => {
		const leader = byGroup.get(group.id);
		return {
			...group,
			leader: leader
				? {
						id: leader.id,
						fullName: leader.fullName,
						photoKey: leader.photoKey,
						photoUpdatedAt: leader.photoUpdatedAt
					}
				: null
		};
	});
}
