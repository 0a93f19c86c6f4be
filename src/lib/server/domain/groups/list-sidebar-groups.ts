import { prepared } from '../../db/prepared';
import type { DB } from '../../db/types';
import type { Ctx } from '../context';

/** The sidebar shows at most this many groups, then a link to all of them. */
export const SIDEBAR_GROUPS = 12;

export interface SidebarGroup {
	id: string;
	name: string;
}

export interface SidebarGroups {
	groups: SidebarGroup[];
	/** More groups than shown: the sidebar links to /groups. */
	more: boolean;
}

// The root layout runs this on every navigation: both queries are compiled once and read
// at most SIDEBAR_GROUPS + 1 rows through an index (group_members_user_idx, groups_school_idx).

/** The open groups the person is a member or the leader of. */
const memberOf = prepared((db: DB, userId: string, cap: number) =>
	db
		.selectFrom('groupMembers as m')
		.innerJoin('groups as g', 'g.id', 'm.groupId')
		.select(['g.id', 'g.name'])
		.where('m.userId', '=', userId)
		.where('m.leftAt', 'is', null)
		.where('g.closedAt', 'is', null)
		.orderBy('g.name')
		.limit(cap)
);

/** The open groups of a school: the administration's sidebar. */
const ofSchool = prepared((db: DB, schoolId: string, cap: number) =>
	db
		.selectFrom('groups as g')
		.select(['g.id', 'g.name'])
		.where('g.schoolId', '=', schoolId)
		.where('g.closedAt', 'is', null)
		.orderBy('g.name')
		.limit(cap)
);

/** The groups of the sidebar: the person's own, or every open group of the admin's school. */
export async function listSidebarGroups({
	db,
	actor
}: Pick<Ctx, 'db' | 'actor'>): Promise<SidebarGroups> {
	const rows =
		actor.role === 'admin' && actor.schoolId
			? await ofSchool(db, actor.schoolId, SIDEBAR_GROUPS + 1)
			: await memberOf(db, actor.id, SIDEBAR_GROUPS + 1);
	return {
		groups: rows.slice(0, SIDEBAR_GROUPS).map((row) => ({ id: row.id, name: row.name })),
		more: rows.length > SIDEBAR_GROUPS
	};
}
