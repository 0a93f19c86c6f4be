import { links } from '../../src/lib/server/notify/links';
import { notify } from '../../src/lib/server/notify/notify';
import type { WorldParts } from './world-parts';

/**
 * C8 inbox, for the permission matrix: memberA is mentioned by the leader in a discussion,
 * so memberA has a notification of her own; nobody else may read or open it.
 */
export async function buildInbox({ server, groupId, users }: WorldParts) {
	await notify(
		{ db: server.db, now: new Date(), actor: { id: users.leaderA!.id } },
		{
			kind: 'post.mentioned',
			key: 'permission-world',
			groupId,
			subject: 'Талкуу',
			link: links.group(groupId),
			userIds: [users.memberA!.id]
		}
	);
	const row = await server.db
		.selectFrom('notifications')
		.select('id')
		.where('userId', '=', users.memberA!.id)
		.where('eventKey', '=', 'post.mentioned:permission-world')
		.executeTakeFirstOrThrow();
	return { inboxNotificationId: row.id };
}
