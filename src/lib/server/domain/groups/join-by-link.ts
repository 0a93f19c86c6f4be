import type { DB } from '../../db/types';
import { addMember } from './queries';

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
		.select('closedAt')
		.where('id', '=', groupId)
		.executeTakeFirst();
	if (!group || group.closedAt) return;
	await addMember(db, { groupId, userId, role: 'member', actorId: userId }, now);
}
