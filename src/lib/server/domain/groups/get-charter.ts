import type { Ctx } from '../context';
import type { Charter, GroupInput } from './input';
import { canManageGroup } from '../group-access/policy';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { charterOf } from './revisions';

/**
 * The charter as the editing form shows it: for the leader and the administration of an
 * open group (others read it on the group's home).
 */
export async function getCharter(
	{ db, actor }: Ctx,
	input: GroupInput
): Promise<{ charter: Charter; isExternalVoteAllowed: boolean }> {
	const access = await groupAccess(db, actor, input.groupId);
	assertOpen(access);
	assertAllowed(canManageGroup(actor, access));
	return {
		charter: charterOf(access.group),
		isExternalVoteAllowed: access.group.isExternalVoteAllowed
	};
}
