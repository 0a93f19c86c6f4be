import type { Ctx } from '../context';
import type { GroupInput } from './input';
import { canManageGroup, canSeeMeetings } from '../group-access/policy';
import { groupAccess } from '../group-access/access';

export interface GroupHeader {
	id: string;
	name: string;
	isClosed: boolean;
	canManage: boolean;
	canSeeMeetings: boolean;
}

/** What every page of a group shows around it: the name, the state, the tabs one may open. */
export async function getGroupHeader({ db, actor }: Ctx, input: GroupInput): Promise<GroupHeader> {
	const access = await groupAccess(db, actor, input.groupId);
	return {
		id: access.group.id,
		name: access.group.name,
		isClosed: access.isClosed,
		canManage: !access.isClosed && canManageGroup(actor, access),
		canSeeMeetings: canSeeMeetings(actor, access)
	};
}
