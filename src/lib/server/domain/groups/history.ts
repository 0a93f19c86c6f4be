import type { DB, GroupEventKind } from '../../db/types';

export interface GroupEventView {
	id: string;
	kind: GroupEventKind;
	at: Date;
	userName: string | null;
	previousUserName: string | null;
	actorName: string | null;
	reason: string | null;
}

/** The group's dated history, newest first (§5.2). */
export async function groupHistory(
	db: DB,
	groupId: string,
	limit = 500
): Promise<GroupEventView[]> {
	const rows = await db
		.selectFrom('groupEvents as e')
		.leftJoin('users as u', 'u.id', 'e.userId')
		.leftJoin('users as p', 'p.id', 'e.previousUserId')
		.leftJoin('users as a', 'a.id', 'e.actorId')
		.select([
			'e.id',
			'e.kind',
			'e.createdAt',
			'e.reason',
			'u.fullName as userName',
			'p.fullName as previousUserName',
			'a.fullName as actorName'
		])
		.where('e.groupId', '=', groupId)
		.orderBy('e.createdAt', 'desc')
		.orderBy('e.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		at: r.createdAt,
		userName: r.userName,
		previousUserName: r.previousUserName,
		actorName: r.actorName,
		reason: r.reason
	}));
}
