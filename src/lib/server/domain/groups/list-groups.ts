import { isStaff } from '../../access/actor';
import type { GroupRole } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { listGroupsInput, type ListGroupsInput } from './input';

export interface GroupSummary {
	id: string;
	name: string;
	theme: string;
	startedOn: string;
	isClosed: boolean;
	leaderName: string | null;
	memberCount: number;
	myRole: GroupRole | null;
	hasInvitation: boolean;
}

/**
 * The groups the actor may see: every group of their school for staff (§3.2), else the
 * groups they are, were or are invited in (scientists and consultants belong to no school).
 */
export async function listGroups(
	{ db, actor }: Ctx,
	input: ListGroupsInput
): Promise<GroupSummary[]> {
	const { filter } = validate(listGroupsInput, input);
	let query = db
		.selectFrom('groups')
		.leftJoin('groupMembers as mine', (join) =>
			join.onRef('mine.groupId', '=', 'groups.id').on('mine.userId', '=', actor.id)
		)
		.select((eb) => [
			'groups.id',
			'groups.name',
			'groups.theme',
			'groups.startedOn',
			'groups.closedAt',
			'mine.role as myRole',
			'mine.leftAt as myLeftAt',
			eb
				.selectFrom('groupMembers as l')
				.innerJoin('users', 'users.id', 'l.userId')
				.select('users.fullName')
				.whereRef('l.groupId', '=', 'groups.id')
				.where('l.role', '=', 'leader')
				.where('l.leftAt', 'is', null)
				.limit(1)
				.as('leaderName'),
			eb
				.selectFrom('groupMembers as m')
				.select((c) => c.fn.countAll<number>().as('n'))
				.whereRef('m.groupId', '=', 'groups.id')
				.where('m.leftAt', 'is', null)
				.as('memberCount'),
			eb
				.selectFrom('membershipRequests as r')
				.select('r.id')
				.whereRef('r.groupId', '=', 'groups.id')
				.where('r.userId', '=', actor.id)
				.where('r.kind', '=', 'invitation')
				.where('r.status', '=', 'pending')
				.limit(1)
				.as('invitationId')
		]);
	query = isStaff(actor)
		? query.where('groups.schoolId', '=', actor.schoolId!)
		: query.where((eb) =>
				eb.or([
					eb('mine.userId', 'is not', null),
					// A scientist invited in the app sees the group the invitation is for.
					eb.exists(
						eb
							.selectFrom('membershipRequests as i')
							.select('i.id')
							.whereRef('i.groupId', '=', 'groups.id')
							.where('i.userId', '=', actor.id)
							.where('i.kind', '=', 'invitation')
							.where('i.status', '=', 'pending')
					)
				])
			);
	if (filter === 'active') query = query.where('groups.closedAt', 'is', null);
	if (filter === 'closed') query = query.where('groups.closedAt', 'is not', null);
	if (filter === 'mine')
		query = query.where('mine.leftAt', 'is', null).where('mine.userId', 'is not', null);
	const rows = await query.orderBy('groups.closedAt', 'desc').orderBy('groups.name').execute();
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		theme: row.theme,
		startedOn: row.startedOn,
		isClosed: row.closedAt !== null,
		leaderName: row.leaderName ?? null,
		memberCount: Number(row.memberCount ?? 0),
		myRole: row.myRole && !row.myLeftAt ? row.myRole : null,
		hasInvitation: row.invitationId != null
	}));
}
