import type { Actor } from '../../access/actor';
import { prepared } from '../../db/prepared';
import type { DB, GroupRole } from '../../db/types';

export interface MyGroup {
	id: string;
	name: string;
	myRole: GroupRole | null;
	hasInvitation: boolean;
	/** Requests to join waiting for the leader: counted for the leader only. */
	pendingRequests: number;
}

/**
 * The open groups the actor is in or invited to, for the home page. Every sign-in lands
 * there, so the query is compiled once (db/prepared.ts).
 */
const myGroups = prepared((db: DB, userId: string) =>
	db
		.selectFrom('groups as g')
		.leftJoin('groupMembers as m', (join) =>
			join.onRef('m.groupId', '=', 'g.id').on('m.userId', '=', userId).on('m.leftAt', 'is', null)
		)
		.select((eb) => [
			'g.id',
			'g.name',
			'm.role',
			eb
				.selectFrom('membershipRequests as q')
				.select((c) => c.fn.countAll<number>().as('n'))
				.whereRef('q.groupId', '=', 'g.id')
				.where('q.kind', '=', 'request')
				.where('q.status', '=', 'pending')
				.as('pendingRequests'),
			eb
				.selectFrom('membershipRequests as i')
				.select('i.id')
				.whereRef('i.groupId', '=', 'g.id')
				.where('i.userId', '=', userId)
				.where('i.kind', '=', 'invitation')
				.where('i.status', '=', 'pending')
				.limit(1)
				.as('invitationId')
		])
		.where('g.closedAt', 'is', null)
		.where((eb) =>
			eb.or([
				eb('m.userId', 'is not', null),
				eb.exists(
					eb
						.selectFrom('membershipRequests as x')
						.select('x.id')
						.whereRef('x.groupId', '=', 'g.id')
						.where('x.userId', '=', userId)
						.where('x.kind', '=', 'invitation')
						.where('x.status', '=', 'pending')
				)
			])
		)
		.orderBy('g.name')
);

export async function listMyGroups(db: DB, actor: Actor): Promise<MyGroup[]> {
	const rows = await myGroups(db, actor.id);
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		myRole: row.role ?? null,
		hasInvitation: row.invitationId != null,
		pendingRequests: row.role === 'leader' ? Number(row.pendingRequests ?? 0) : 0
	}));
}
