import type { Ctx } from '../context';

/** Marks every unread notification of the actor read; returns how many there were. */
export async function markAllRead({ db, actor, now }: Ctx): Promise<number> {
	const result = await db
		.updateTable('notifications')
		.set({ readAt: now })
		.where('userId', '=', actor.id)
		.where('readAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}
