import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import type { Charter } from './input';
import { canManageGroup } from '../group-access/policy';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { charterOf } from './revisions';

/**
 * The charter as the editing form shows it: for the leader and the administration of an
 * open group (others read it on the group's home).
 */
export async function getCharter(
	db: DB,
	actor: Actor,
	groupId: string
): Promise<{ charter: Charter; isExternalVoteAllowed: boolean }> {
	const access = await groupAccess(db, actor, groupId);
	assertOpen(access);
	assertAllowed(canManageGroup(actor, access));
	return {
		charter: charterOf(access.group),
		isExternalVoteAllowed: access.group.isExternalVoteAllowed
	};
}
