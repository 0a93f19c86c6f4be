import { newId } from '../../db/ids';
import type { DB, GroupEventKind, GroupRole } from '../../db/types';
import { AppError } from '../../errors';
import { links, notify } from '../../notify';

export async function recordEvent(
	db: DB,
	event: {
		groupId: string;
		kind: GroupEventKind;
		actorId: string | null;
		userId?: string | null;
		previousUserId?: string | null;
		reason?: string | null;
	},
	now: Date
): Promise<void> {
	await db
		.insertInto('groupEvents')
		.values({
			id: newId(),
			groupId: event.groupId,
			kind: event.kind,
			userId: event.userId ?? null,
			previousUserId: event.previousUserId ?? null,
			actorId: event.actorId,
			reason: event.reason ?? null,
			createdAt: now
		})
		.execute();
}

/** Makes someone a current member (again), keeping one row per person and group. */
export async function addMember(
	db: DB,
	input: { groupId: string; userId: string; role: GroupRole; actorId: string | null },
	now: Date
): Promise<void> {
	const existing = await db
		.selectFrom('groupMembers')
		.select('leftAt')
		.where('groupId', '=', input.groupId)
		.where('userId', '=', input.userId)
		.executeTakeFirst();
	if (existing && !existing.leftAt) throw new AppError('conflict', 'error_already_member');
	if (existing) {
		await db
			.updateTable('groupMembers')
			.set({ role: input.role, joinedAt: now, leftAt: null })
			.where('groupId', '=', input.groupId)
			.where('userId', '=', input.userId)
			.execute();
	} else {
		await db
			.insertInto('groupMembers')
			.values({
				groupId: input.groupId,
				userId: input.userId,
				role: input.role,
				joinedAt: now,
				leftAt: null
			})
			.execute();
	}
	await recordEvent(
		db,
		{ groupId: input.groupId, kind: 'joined', userId: input.userId, actorId: input.actorId },
		now
	);
}

/** An active teacher or admin of the school, or undefined. */
export async function findStaffOfSchool(db: DB, schoolId: string, userId: string) {
	return db
		.selectFrom('users')
		.select(['id', 'fullName', 'email', 'locale'])
		.where('id', '=', userId)
		.where('schoolId', '=', schoolId)
		.where('isActive', '=', true)
		.where('role', 'in', ['teacher', 'admin'])
		.executeTakeFirst();
}

/** The current leader (one per group): id and name. */
export function currentLeader(db: DB, groupId: string) {
	return db
		.selectFrom('groupMembers as m')
		.innerJoin('users as u', 'u.id', 'm.userId')
		.select(['u.id', 'u.fullName'])
		.where('m.groupId', '=', groupId)
		.where('m.role', '=', 'leader')
		.where('m.leftAt', 'is', null)
		.executeTakeFirst();
}

/** The current leader's user id. */
export async function currentLeaderId(db: DB, groupId: string): Promise<string | undefined> {
	return (await currentLeader(db, groupId))?.id;
}

/** Whether the person is a current member of the group. */
export async function isCurrentMember(db: DB, groupId: string, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('groupMembers')
		.select('userId')
		.where('groupId', '=', groupId)
		.where('userId', '=', userId)
		.where('leftAt', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}

/** Current members' ids and names: the choices of "responsible", "chair", "secretary". */
export function currentMemberNames(db: DB, groupId: string) {
	return db
		.selectFrom('groupMembers as m')
		.innerJoin('users as u', 'u.id', 'm.userId')
		.select(['u.id', 'u.fullName'])
		.where('m.groupId', '=', groupId)
		.where('m.leftAt', 'is', null)
		.execute();
}

/**
 * A scientist or consultant accepted an emailed invitation into a group: accepting is their
 * consent, so they join at once. A group closed meanwhile gets nobody new (§3.6).
 */
export async function joinByLink(
	db: DB,
	groupId: string,
	userId: string,
	now: Date
): Promise<void> {
	const group = await db
		.selectFrom('groups')
		.select(['closedAt', 'name'])
		.where('id', '=', groupId)
		.executeTakeFirst();
	if (!group || group.closedAt) return;
	await addMember(db, { groupId, userId, role: 'member', actorId: userId }, now);
	// The leader learns who joined by the emailed invitation (as in groups/notify-membership).
	const person = await db
		.selectFrom('users')
		.select('fullName')
		.where('id', '=', userId)
		.executeTakeFirst();
	await notify(
		{ db, now, actor: { id: userId } },
		{
			kind: 'group.member_joined',
			key: `${groupId}:${userId}:${now.getTime()}`,
			groupId,
			subject: group.name,
			link: links.members(groupId),
			params: { person: person?.fullName ?? '' }
		}
	);
}
