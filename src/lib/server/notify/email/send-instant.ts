import type { DB } from '../../db/types';
import { log } from '../../log';
import { deliverMail } from '../../mail';
import { instantMail } from './compose';
import { claimDeliveries, markFailed, markSent, releaseDelivery } from './deliveries';

/** Mails claimed, sent and marked together. */
const BATCH = 25;
import { pendingMailQuery, toPending } from './rows';

export interface SendOutcome {
	sent: number;
	failed: number;
	/** The mail server could not take them now: what is left waits for another try. */
	postponed: boolean;
}

/**
 * Sends the event's notifications that people chose to get at once and that have not gone
 * out yet. Safe to run again at any moment: each mail is claimed first (deliveries.ts).
 */
export async function sendEventEmails(
	db: DB,
	eventKey: string,
	now = new Date()
): Promise<SendOutcome> {
	const rows = await pendingMailQuery(db)
		.where('n.eventKey', '=', eventKey)
		.where('n.email', '=', 'instant')
		.orderBy('n.id')
		.execute();
	const outcome: SendOutcome = { sent: 0, failed: 0, postponed: false };
	// In batches: one claim and one "sent" write per batch keep a group's dozens of mails from
	// costing two disk syncs each. A crash mid-batch leaves its claims: those mails are not
	// sent twice (nor at all; the notifications stay in the inbox).
	let stopped = false;
	for (let start = 0; start < rows.length && !stopped; start += BATCH) {
		const batch = [];
		for (const row of rows.slice(start, start + BATCH)) {
			const pending = toPending(row);
			if (!pending) continue;
			// Composed before the claim: a mail that cannot be written is never half-claimed.
			batch.push({
				mail: instantMail(pending.notification, pending.recipient),
				key: `notification:${pending.notification.id}`,
				userId: pending.recipient.id,
				notificationIds: [pending.notification.id]
			});
		}
		const claimed = await claimDeliveries(db, batch, now);
		const mine = batch.filter((item) => claimed.has(item.key));
		const sent: string[] = [];
		for (const [index, item] of mine.entries()) {
			const result = await deliverMail(item.mail);
			if (result.sent) {
				sent.push(item.key);
				outcome.sent++;
			} else if ('disabled' in result || !result.permanent) {
				// Down, or mail turned off: this one and the rest of the batch are given back,
				// and the others wait too (no point trying).
				for (const rest of mine.slice(index))
					await releaseDelivery(db, rest.key, rest.notificationIds);
				outcome.postponed = !('disabled' in result);
				stopped = true;
				break;
			} else {
				await markFailed(db, item.key, result.error);
				log.warn({ notification: item.notificationIds[0], error: result.error }, 'mail refused');
				outcome.failed++;
			}
		}
		await markSent(db, sent, new Date());
	}
	return outcome;
}
