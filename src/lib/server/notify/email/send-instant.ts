import type { DB } from '../../db/types';
import { log } from '../../log';
import { deliverMail } from '../../mail';
import { instantMail } from './compose';
import { claimDelivery, markFailed, markSent, releaseDelivery } from './deliveries';
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
	for (const row of rows) {
		const pending = toPending(row);
		if (!pending) continue;
		// Composed before the claim: a mail that cannot be written is never half-claimed.
		const mail = instantMail(pending.notification, pending.recipient);
		const key = `notification:${pending.notification.id}`;
		const ids = [pending.notification.id];
		if (
			!(await claimDelivery(db, { key, userId: pending.recipient.id, notificationIds: ids }, now))
		)
			continue;
		const result = await deliverMail(mail);
		if (result.sent) {
			await markSent(db, key, new Date());
			outcome.sent++;
		} else if ('disabled' in result || !result.permanent) {
			// Down, or mail turned off: given back, and the others wait too (no point trying).
			await releaseDelivery(db, key, ids);
			outcome.postponed = !('disabled' in result);
			break;
		} else {
			await markFailed(db, key, result.error);
			log.warn({ notification: pending.notification.id, error: result.error }, 'mail refused');
			outcome.failed++;
		}
	}
	return outcome;
}
