import { newId } from '../../db/ids';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';

/**
 * Mail anyone can make the app send (an invitation, a password reset, "forgot password"):
 * per address and purpose, and per person sending, in a sliding hour — so nobody can flood
 * an inbox, nor use the app to send mail to a list of addresses.
 */
export const mailLimits = {
	windowMs: 60 * 60 * 1000,
	perAddress: 3,
	perSender: 20
} as const;

export type MailPurpose = 'invitation' | 'reset' | 'forgot';

interface MailSlot {
	purpose: MailPurpose;
	/** The address the mail goes to. */
	recipient: string;
	/** Who makes the app send it (none for "forgot password"). */
	senderId?: string | null;
}

/** The sender's count is kept in the same table, under a purpose of its own. */
const senderRow = (senderId: string) => ({ purpose: 'sender', recipient: `user:${senderId}` });

async function sentSince(db: DB, purpose: string, recipient: string, since: Date) {
	const row = await db
		.selectFrom('mailThrottle')
		.select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('createdAt').as('oldestAt')])
		.where('recipient', '=', recipient)
		.where('purpose', '=', purpose)
		.where('createdAt', '>', since)
		.executeTakeFirstOrThrow();
	return { count: Number(row.count), oldest: row.oldestAt as Date | null };
}

/** Throws rate_limited when this mail would pass a limit; otherwise counts it. */
export async function takeMailSlot(db: DB, slot: MailSlot, now = new Date()): Promise<void> {
	const since = new Date(now.getTime() - mailLimits.windowMs);
	const recipient = slot.recipient.trim().toLowerCase();
	const checks: {
		count: number;
		oldest: Date | null;
		limit: number;
		key: 'email_error_too_many_mails' | 'email_error_too_many_sent';
		field: string;
	}[] = [
		{
			...(await sentSince(db, slot.purpose, recipient, since)),
			limit: mailLimits.perAddress,
			key: 'email_error_too_many_mails',
			field: 'email'
		}
	];
	if (slot.senderId) {
		const s = senderRow(slot.senderId);
		checks.push({
			...(await sentSince(db, s.purpose, s.recipient, since)),
			limit: mailLimits.perSender,
			key: 'email_error_too_many_sent',
			field: ''
		});
	}
	for (const { count, oldest, limit, key, field } of checks)
		if (count >= limit) {
			const retryMs = (oldest?.getTime() ?? now.getTime()) + mailLimits.windowMs - now.getTime();
			throw new AppError('rate_limited', key, {
				...(field ? { field } : {}),
				retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000))
			});
		}
	// Rows older than the window are of no use any more.
	await db
		.deleteFrom('mailThrottle')
		.where('createdAt', '<=', new Date(now.getTime() - mailLimits.windowMs))
		.where('recipient', 'in', [recipient, ...(slot.senderId ? [`user:${slot.senderId}`] : [])])
		.execute();
	await db
		.insertInto('mailThrottle')
		.values([
			{ id: newId(), purpose: slot.purpose, recipient, createdAt: now },
			...(slot.senderId ? [{ id: newId(), ...senderRow(slot.senderId), createdAt: now }] : [])
		])
		.execute();
}

/** The same for mail whose sender must learn nothing ("forgot password"): false, no mail. */
export async function mailSlotFree(db: DB, slot: MailSlot, now = new Date()): Promise<boolean> {
	try {
		await takeMailSlot(db, slot, now);
		return true;
	} catch (error) {
		if (error instanceof AppError && error.code === 'rate_limited') return false;
		throw error;
	}
}
