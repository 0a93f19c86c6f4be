import { config } from '../../config.js';
import type { DB } from '../../db/types';
import { log } from '../../log';
import { deliverMail, type OutgoingMail } from '../../mail';
import { digestMail, type DigestPeriod, type MailNotification } from './compose';
import { claimDelivery, markFailed, markSent, releaseDelivery } from './deliveries';
import { pendingMailQuery, toPending } from './rows';

// Digests: once a day (from 07:00 in the deployment's time zone) and once a week (Monday from
// 07:00), one mail per person listing everything waiting for that digest. Built for everyone
// at once (one query for the notifications, one per 500 keys for what was sent already), so
// thousands of people cost a few queries, not one each.

/** The hour (local) from which the day's and the week's digests go out. */
export const DIGEST_HOUR = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Digest {
	userId: string;
	period: DigestPeriod;
	/** deliveries key: digest:daily:<user>:<YYYY-MM-DD>; weekly: the week's Monday. */
	key: string;
	notificationIds: string[];
	mail: OutgoingMail;
}

interface LocalMoment {
	day: string;
	hour: number;
	/** 0 = Monday … 6 = Sunday */
	weekday: number;
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function localMoment(now: Date, timeZone: string): LocalMoment {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			hourCycle: 'h23',
			weekday: 'short'
		})
			.formatToParts(now)
			.map((p) => [p.type, p.value])
	);
	return {
		day: `${parts.year}-${parts.month}-${parts.day}`,
		hour: Number(parts.hour),
		weekday: weekdays.indexOf(parts.weekday ?? 'Mon')
	};
}

const addDays = (day: string, days: number) =>
	new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Every digest due now and not sent yet, composed. Daily: from 07:00 each day. Weekly: on
 * Monday from 07:00 — or any later day of the week when its oldest item waits for more than
 * a week (the server was down all Monday): late, but never lost.
 */
export async function buildDigests(db: DB, now = new Date()): Promise<Digest[]> {
	const local = localMoment(now, config().timeZone);
	const dailyDue = local.hour >= DIGEST_HOUR;
	const monday = addDays(local.day, -local.weekday);
	const weeklyDue = local.weekday === 0 && local.hour >= DIGEST_HOUR;
	const weekAgo = new Date(now.getTime() - 7 * DAY_MS);

	const rows = await pendingMailQuery(db)
		.where('n.email', 'in', [...(dailyDue ? ['daily'] : []), 'weekly'])
		.where('n.createdAt', '<=', now)
		.orderBy('n.userId')
		.orderBy('n.createdAt')
		.orderBy('n.id')
		.execute();

	const groups = new Map<
		string,
		{ period: DigestPeriod; userId: string; items: NonNullable<ReturnType<typeof toPending>>[] }
	>();
	for (const row of rows) {
		const pending = toPending(row);
		if (!pending) continue;
		const period = pending.email as DigestPeriod;
		const key =
			period === 'daily'
				? `digest:daily:${row.userId}:${local.day}`
				: `digest:weekly:${row.userId}:${monday}`;
		const entry = groups.get(key) ?? { period, userId: row.userId, items: [] };
		entry.items.push(pending);
		groups.set(key, entry);
	}
	for (const [key, entry] of groups)
		if (
			entry.period === 'weekly' &&
			!weeklyDue &&
			!(entry.items[0]!.notification.createdAt < weekAgo)
		)
			groups.delete(key);

	const done = new Set<string>();
	const keys = [...groups.keys()];
	for (let i = 0; i < keys.length; i += 500) {
		const sent = await db
			.selectFrom('deliveries')
			.select('key')
			.where('channel', '=', 'email')
			.where('key', 'in', keys.slice(i, i + 500))
			.execute();
		for (const d of sent) done.add(d.key);
	}

	const digests: Digest[] = [];
	for (const [key, entry] of groups) {
		if (done.has(key)) continue;
		const items: MailNotification[] = entry.items.map((p) => p.notification);
		digests.push({
			userId: entry.userId,
			period: entry.period,
			key,
			notificationIds: items.map((n) => n.id),
			mail: digestMail(entry.items[0]!.recipient, entry.period, items)
		});
	}
	return digests;
}

/** Sends the digests due now; stops (to try at the next sweep) when the mail server is down. */
export async function sendDigests(
	db: DB,
	now = new Date()
): Promise<{ sent: number; failed: number; postponed: boolean }> {
	const outcome = { sent: 0, failed: 0, postponed: false };
	for (const digest of await buildDigests(db, now)) {
		const { key, userId, notificationIds } = digest;
		if (!(await claimDelivery(db, { key, userId, notificationIds }, now))) continue;
		const result = await deliverMail(digest.mail);
		if (result.sent) {
			await markSent(db, key, new Date());
			outcome.sent++;
		} else if ('disabled' in result || !result.permanent) {
			await releaseDelivery(db, key, notificationIds);
			outcome.postponed = !('disabled' in result);
			break;
		} else {
			await markFailed(db, key, result.error);
			log.warn({ user: userId, digest: key, error: result.error }, 'digest refused');
			outcome.failed++;
		}
	}
	return outcome;
}
