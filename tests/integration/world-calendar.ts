import { createFeed } from '../../src/lib/server/calendar/create-feed';
import { ctxOf } from '../../src/lib/server/test/context';
import { actorOf } from '../../src/lib/server/test/factories';
import type { WorldParts } from './world-parts';

/**
 * C8 calendar, for the permission matrix: memberA has a feed; its token is the only
 * credential its address needs, so every kind of actor (anonymous too) can read it.
 */
export async function buildCalendar({ server, users }: WorldParts) {
	const { token } = await createFeed(ctxOf(server.db, actorOf(users.memberA!)));
	return { calendarToken: token };
}
