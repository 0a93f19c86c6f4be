import { validate } from '../../validation';
import type { Ctx } from '../context';
import { notificationInput, type NotificationInput } from './input';
import { findOwnNotification } from './queries';

/**
 * Marks one of the actor's notifications read (once: the first reading's time is kept);
 * returns the app path it links to.
 */
export async function markRead({ db, actor, now }: Ctx, input: NotificationInput): Promise<string> {
	const { notificationId } = validate(notificationInput, input);
	const found = await findOwnNotification(db, actor.id, notificationId);
	if (!found.readAt)
		await db
			.updateTable('notifications')
			.set({ readAt: now })
			.where('id', '=', found.id)
			.where('readAt', 'is', null)
			.execute();
	return found.link;
}
