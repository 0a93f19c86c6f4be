import { currentClientAddress } from '../../client-address';
import { sql } from 'kysely';
import { newId } from '../../db/ids';
import { isPostgres } from '../../db/migrations/columns';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import type { MessageKey } from '../../../i18n/messages';

/**
 * Mail anyone can make the app send (an invitation, a password reset, "forgot password", a
 * group's invitation): per address and purpose, per person sending, and per client address,
 * in a sliding hour — so nobody can flood an inbox, nor use the app to send mail to a list
 * of addresses. A client address without a sender ("forgot password") gets less: a school's
 * computer room shares one address, but only people signed in send mail in numbers.
 */
export const mailLimits = {
	windowMs: 60 * 60 * 1000,
	perAddress: 3,
	perSender: 20,
	perClient: 10,
	perClientSignedIn: 60
} as const;

export type MailPurpose = 'invitation' | 'reset' | 'forgot' | 'group_invitation';

interface MailSlot {
	purpose: MailPurpose;
	/** The address the mail goes to (or `user:<id>` for a person the app mails by id). */
	recipient: string;
	/** Who makes the app send it (none for "forgot password"). */
	senderId?: string | null;
	/** False: mail to the school's own staff, not counted towards the sender's limit. */
	countsForSender?: boolean;
	/** The client's address; by default the request's being served, if any. */
	ip?: string | null;
	/** The form field the recipient was chosen in (`email` unless said). */
	field?: string;
}

interface Counter {
	purpose: string;
	recipient: string;
	limit: number;
	key: MessageKey;
	field?: string;
}

function countersOf(slot: MailSlot): Counter[] {
	const counters: Counter[] = [
		{
			purpose: slot.purpose,
			recipient: slot.recipient.trim().toLowerCase(),
			limit: mailLimits.perAddress,
			key: 'email_error_too_many_mails',
			field: slot.field ?? 'email'
		}
	];
	if (slot.senderId && slot.countsForSender !== false)
		counters.push({
			purpose: 'sender',
			recipient: `user:${slot.senderId}`,
			limit: mailLimits.perSender,
			key: 'email_error_too_many_sent'
		});
	const ip = slot.ip ?? currentClientAddress();
	if (ip)
		counters.push({
			purpose: 'client',
			recipient: `ip:${ip}`.slice(0, 100),
			limit: slot.senderId ? mailLimits.perClientSignedIn : mailLimits.perClient,
			key: 'web_mail_limit_client'
		});
	return counters;
}

async function countSince(db: DB, counter: Counter, since: Date): Promise<number> {
	const row = await db
		.selectFrom('mailThrottle')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('purpose', '=', counter.purpose)
		.where('recipient', '=', counter.recipient)
		.where('createdAt', '>', since)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/** When a mail is possible again: once the limit-th newest mail leaves the window. */
async function retryAfterSeconds(db: DB, counter: Counter, now: Date): Promise<number> {
	const row = await db
		.selectFrom('mailThrottle')
		.select('createdAt')
		.where('purpose', '=', counter.purpose)
		.where('recipient', '=', counter.recipient)
		.orderBy('createdAt', 'desc')
		.offset(counter.limit - 1)
		.limit(1)
		.executeTakeFirst();
	const from = row ? new Date(row.createdAt).getTime() : now.getTime();
	return Math.max(1, Math.ceil((from + mailLimits.windowMs - now.getTime()) / 1000));
}

/**
 * Counts this mail, then throws rate_limited if it passes a limit. Recorded and counted in
 * one transaction that holds its counters (SQLite has one writer; PostgreSQL takes an
 * advisory lock per counter, held to the commit — of the caller's transaction too), so of
 * any number of requests sent at once exactly the limit get through. A refused request's
 * rows are taken back: asking again while refused does not push the window further.
 */
export async function takeMailSlot(db: DB, slot: MailSlot, now = new Date()): Promise<void> {
	const counters = countersOf(slot);
	await inTransaction(db, (trx) => take(trx, counters, now));
}

async function take(trx: DB, counters: Counter[], now: Date): Promise<void> {
	const since = new Date(now.getTime() - mailLimits.windowMs);
	const keys = counters.map((c) => `mail:${c.purpose}:${c.recipient}`).sort();
	// In one order for everyone: two requests never wait on each other's second lock.
	if (isPostgres(trx as never))
		for (const key of keys) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
	// Rows older than the window are of no use any more.
	await trx
		.deleteFrom('mailThrottle')
		.where('createdAt', '<=', since)
		.where(
			'recipient',
			'in',
			counters.map((c) => c.recipient)
		)
		.execute();
	const rows = counters.map((c) => ({
		id: newId(),
		purpose: c.purpose,
		recipient: c.recipient,
		createdAt: now
	}));
	await trx.insertInto('mailThrottle').values(rows).execute();
	for (const counter of counters) {
		if ((await countSince(trx, counter, since)) <= counter.limit) continue;
		await trx
			.deleteFrom('mailThrottle')
			.where(
				'id',
				'in',
				rows.map((r) => r.id)
			)
			.execute();
		const retry = await retryAfterSeconds(trx, counter, now);
		throw new AppError('rate_limited', counter.key, {
			...(counter.field ? { field: counter.field } : {}),
			retryAfterSeconds: retry
		});
	}
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
