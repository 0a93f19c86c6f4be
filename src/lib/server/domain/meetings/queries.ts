import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { groupAccess, type GroupAccess } from '../group-access/access';
import { isCurrentMember } from '../group-access/members';
import { canSeeMeetings } from './policy';

/** The group, if the actor may see its meetings; otherwise as if there were none. */
export async function meetingsAccess(db: DB, actor: Actor, groupId: string): Promise<GroupAccess> {
	const access = await groupAccess(db, actor, groupId);
	if (!canSeeMeetings(actor, access)) throw new AppError('forbidden', 'error_forbidden');
	return access;
}

export async function findMeeting(db: DB, groupId: string, meetingId: string) {
	const meeting = await db
		.selectFrom('meetings')
		.selectAll()
		.where('id', '=', meetingId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!meeting) throw new AppError('not_found', 'error_meeting_not_found');
	return meeting;
}

/** Chair and secretary are current members of the group (or were already set: `kept`). */
export async function assertMembers(
	db: DB,
	groupId: string,
	people: Record<string, string | undefined>,
	kept: (string | null)[] = []
): Promise<void> {
	for (const [field, userId] of Object.entries(people)) {
		if (!userId || kept.includes(userId)) continue;
		if (!(await isCurrentMember(db, groupId, userId)))
			throw new AppError('invalid', 'error_choice', { field });
	}
}

/** A cancelled meeting is kept as it was: nothing more is recorded on it. */
export function assertNotCancelled(meeting: { cancelledAt: Date | null }): void {
	if (meeting.cancelledAt) throw new AppError('conflict', 'error_meeting_cancelled');
}
