import type { Ctx } from '../context';
import { getGroupHeader, type GroupHeader } from './get-group-header';
import type { GroupInput } from './input';

/** A person as a face is drawn: the web layer maps it to a photo URL or initials. */
export interface FacePerson {
	id: string;
	fullName: string;
	photoKey: string | null;
	photoUpdatedAt: Date | null;
}

export interface GroupFace extends GroupHeader {
	theme: string;
	leader: FacePerson | null;
	/** The first members to show as stacked avatars (the leader first), at most `shown`. */
	members: FacePerson[];
	memberCount: number;
}

/** How many members' faces the header stacks before "+N". */
export const shownFaces = 5;

/**
 * What every page of a group shows at its top: the header (name, state, the tabs one may
 * open) with the group's face: its theme, its leader and its members' avatars.
 */
export async function getGroupFace(ctx: Ctx, input: GroupInput): Promise<GroupFace> {
	// Access first: a group the actor may not see is "not found" before anything is read.
	const header = await getGroupHeader(ctx, input);
	const [group, rows] = await Promise.all([
		ctx.db
			.selectFrom('groups')
			.select('theme')
			.where('id', '=', header.id)
			.executeTakeFirstOrThrow(),
		ctx.db
			.selectFrom('groupMembers as m')
			.innerJoin('users as u', 'u.id', 'm.userId')
			.select(['u.id', 'u.fullName', 'u.photoKey', 'u.photoUpdatedAt', 'm.role', 'm.joinedAt'])
			.where('m.groupId', '=', header.id)
			.where('m.leftAt', 'is', null)
			.execute()
	]);
	const people = rows
		.sort(
			(a, b) =>
				Number(b.role === 'leader') - Number(a.role === 'leader') ||
				new Date(a.joinedAt).getTime() - new Date(b.joinedAt).getTime() ||
				a.id.localeCompare(b.id)
		)
		.map((r) => ({
			id: r.id,
			fullName: r.fullName,
			photoKey: r.photoKey,
			photoUpdatedAt: r.photoUpdatedAt
		}));
	const leaderRow = rows.find((r) => r.role === 'leader');
	return {
		...header,
		theme: group.theme,
		leader: leaderRow ? people.find((p) => p.id === leaderRow.id)! : null,
		members: people.slice(0, shownFaces),
		memberCount: people.length
	};
}
