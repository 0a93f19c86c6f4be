import type { MessageKey } from '../../../i18n/messages';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/types';
import {
	isNotificationKind,
	kindMessageKey,
	notificationKinds,
	type NotificationKind
} from '../../notify/kinds';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { listSinceInput, type ListSinceInput } from './input';
import { parseParams } from '../inbox/params';

// "New in your groups since your last visit" (issue 17). The source is the person's own
// notifications about their groups: they were addressed to this person when each thing
// happened (notify/kinds.ts decides who hears of what), so the stream shows nothing the
// person was not meant to know — a secret vote's ballots are never notified, only its
// opening and result. Each links through the inbox, which marks it read.

/** Home shows a short stream; the inbox has the rest. */
export const SINCE_LIMIT = 10;

export interface ActivityItem {
	id: string;
	kind: NotificationKind;
	/** The kind's label: a sentence without names (notify_kind_*). */
	labelKey: MessageKey;
	/** The thing's name, as it was when it happened. */
	subject: string;
	groupName: string | null;
	/** Who did it, with what makes their face; null when the system did (a deadline). */
	actor: {
		id: string;
		fullName: string;
		photoKey: string | null;
		photoUpdatedAt: Date | null;
	} | null;
	params: Record<string, string>;
	createdAt: Date;
	isRead: boolean;
	/** Through the inbox: marked read, then on to the thing. */
	href: string;
}

/** Uses notifications_inbox_idx (user_id, read_at, created_at) by its first column. */
const recent = prepared((db: DB, userId: string, since: Date) =>
	db
		.selectFrom('notifications as n')
		.leftJoin('groups as g', 'g.id', 'n.groupId')
		.leftJoin('users as a', 'a.id', 'n.actorId')
		.select([
			'n.id',
			'n.kind',
			'n.subject',
			'n.params',
			'n.createdAt',
			'n.readAt',
			'g.name as groupName',
			'a.id as actorId',
			'a.fullName as actorName',
			'a.photoKey',
			'a.photoUpdatedAt'
		])
		.where('n.userId', '=', userId)
		.where('n.groupId', 'is not', null)
		// A kind no longer known (renamed in a later version) is left out, not shown raw.
		.where('n.kind', 'in', notificationKinds)
		.where('n.createdAt', '>', since)
		.orderBy('n.createdAt', 'desc')
		.orderBy('n.id', 'desc')
		.limit(SINCE_LIMIT)
);

/** What happened in the signed-in person's groups since `since`, newest first, at most 10. */
export async function listSince(
	{ db, actor }: Ctx,
	input: ListSinceInput
): Promise<ActivityItem[]> {
	const { since } = validate(listSinceInput, input);
	const rows = await recent(db, actor.id, since);
	const items: ActivityItem[] = [];
	for (const r of rows) {
		if (!isNotificationKind(r.kind)) continue;
		items.push({
			id: r.id,
			kind: r.kind,
			labelKey: kindMessageKey(r.kind) as MessageKey,
			subject: r.subject,
			groupName: r.groupName ?? null,
			actor:
				r.actorId && r.actorName
					? {
							id: r.actorId,
							fullName: r.actorName,
							photoKey: r.photoKey ?? null,
							photoUpdatedAt: r.photoUpdatedAt ? new Date(r.photoUpdatedAt) : null
						}
					: null,
			params: parseParams(r.params),
			createdAt: new Date(r.createdAt),
			isRead: r.readAt !== null,
			href: `/inbox/${r.id}`
		});
	}
	return items;
}
