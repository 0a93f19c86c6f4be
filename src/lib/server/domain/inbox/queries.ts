import type { DB } from '../../db/types';
import { AppError } from '../../errors';

/**
 * The actor's own notification, or 404: another person's is not told apart from one that
 * does not exist.
 */
export async function findOwnNotification(db: DB, userId: string, notificationId: string) {
	const found = await db
		.selectFrom('notifications')
		.select(['id', 'link', 'readAt'])
		.where('id', '=', notificationId)
		.where('userId', '=', userId)
		.executeTakeFirst();
	if (!found) throw new AppError('not_found', 'inbox_error_not_found');
	return found;
}

/**
 * Only a path of this app is followed: a link that is not one (`//host`, `https:`) would turn
 * the inbox into an open redirect, so it falls back to the inbox.
 */
export function appPath(link: string): string {
	return /^\/(?![/\\])/.test(link) ? link : '/inbox';
}
