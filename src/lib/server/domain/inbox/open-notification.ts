import type { Ctx } from '../context';
import type { NotificationInput } from './input';
import { markRead } from './mark-read';
import { appPath } from './queries';

/**
 * Opening a notification: it is marked read, and the path of the thing it names is returned
 * (the page there checks again whether the person may still see it).
 */
export async function openNotification(ctx: Ctx, input: NotificationInput): Promise<string> {
	return appPath(await markRead(ctx, input));
}
