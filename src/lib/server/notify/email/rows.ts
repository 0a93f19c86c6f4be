import type { DB } from '../../db/types';
import { isNotificationKind } from '../kinds';
import type { MailNotification, MailRecipient } from './compose';

// The notifications waiting for email, with what their mail needs (the person's address and
// language, the group's name), read in one query.

export interface PendingMail {
	notification: MailNotification;
	recipient: MailRecipient;
	email: string;
}

export function pendingMailQuery(db: DB) {
	return db
		.selectFrom('notifications as n')
		.innerJoin('users as u', 'u.id', 'n.userId')
		.leftJoin('groups as g', 'g.id', 'n.groupId')
		.select([
			'n.id',
			'n.userId',
			'n.kind',
			'n.subject',
			'n.link',
			'n.params',
			'n.createdAt',
			'n.groupId',
			'n.email',
			'n.eventKey',
			'g.name as groupName',
			'u.email as address',
			'u.locale'
		])
		.where('n.emailedAt', 'is', null)
		.where('u.isActive', '=', true);
}

type Row = Awaited<ReturnType<ReturnType<typeof pendingMailQuery>['execute']>>[number];

function parseParams(json: string): Record<string, string> {
	try {
		const value: unknown = JSON.parse(json);
		return value && typeof value === 'object' ? (value as Record<string, string>) : {};
	} catch {
		return {};
	}
}

/** A row as a mail's parts; null for a kind this version does not know (left alone). */
export function toPending(row: Row): PendingMail | null {
	if (!isNotificationKind(row.kind)) return null;
	return {
		email: row.email,
		notification: {
			id: row.id,
			kind: row.kind,
			subject: row.subject,
			link: row.link,
			params: parseParams(row.params),
			createdAt: row.createdAt,
			groupId: row.groupId,
			groupName: row.groupName
		},
		recipient: { id: row.userId, email: row.address, locale: row.locale }
	};
}
