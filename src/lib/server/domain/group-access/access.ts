import type { Actor } from '../../access/actor';
import type { DB, Group } from '../../db/types';
import { AppError } from '../../errors';
import { canSeeGroup, canSeeGroupWork, type GroupPlace } from './policy';

// Group-level access shared by every module that works inside a group.

export interface GroupAccess extends GroupPlace {
	group: Group;
	isClosed: boolean;
}

/**
 * The group and the actor's place in it. A group the actor may not see is "not found", so
 * that another school cannot even learn that it exists.
 */
export async function groupAccess(db: DB, actor: Actor, groupId: string): Promise<GroupAccess> {
	const group = await db
		.selectFrom('groups')
		.selectAll()
		.where('id', '=', groupId)
		.executeTakeFirst();
	if (!group) throw new AppError('not_found', 'error_group_not_found');
	const membership = await db
		.selectFrom('groupMembers')
		.select(['role', 'leftAt'])
		.where('groupId', '=', groupId)
		.where('userId', '=', actor.id)
		.executeTakeFirst();
	const invitation = await db
		.selectFrom('membershipRequests')
		.select('id')
		.where('groupId', '=', groupId)
		.where('userId', '=', actor.id)
		.where('kind', '=', 'invitation')
		.where('status', '=', 'pending')
		.executeTakeFirst();
	const access: GroupAccess = {
		group,
		schoolId: group.schoolId,
		role: membership && !membership.leftAt ? membership.role : null,
		isFormerMember: membership?.leftAt != null,
		isInvited: invitation !== undefined,
		isClosed: group.closedAt !== null
	};
	if (!canSeeGroup(actor, access)) throw new AppError('not_found', 'error_group_not_found');
	return access;
}

/** For writes: a closed group is read-only (§3.6). */
export function assertOpen(access: GroupAccess): void {
	if (access.isClosed) throw new AppError('conflict', 'error_group_closed');
}

export function assertAllowed(allowed: boolean): void {
	if (!allowed) throw new AppError('forbidden', 'error_forbidden');
}

/** The group, if the actor may see its proposals, discussions and votes (members, admin). */
export async function groupWorkAccess(db: DB, actor: Actor, groupId: string): Promise<GroupAccess> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canSeeGroupWork(actor, access));
	return access;
}
