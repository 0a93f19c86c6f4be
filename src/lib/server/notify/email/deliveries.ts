import { newId } from '../../db/ids';
import type { DB } from '../../db/types';

// Each mail is claimed before it is sent: one `deliveries` row per key (unique), written
// together with the notifications' `emailed_at`. A second job finds the claim and sends
// nothing; a crash after sending leaves the claim ("sending"), so nothing is sent twice.
// A mail server that is down gives the claim back (the notifications wait for the next try);
// a refusal for good keeps it as "failed".

const CHUNK = 500;

export interface DeliveryClaim {
	key: string;
	userId: string;
	notificationIds: readonly string[];
}

/** Claims the mail with this key; false when it was claimed (or sent) before. */
export async function claimDelivery(db: DB, input: DeliveryClaim, now: Date): Promise<boolean> {
	return (await claimDeliveries(db, [input], now)).has(input.key);
}

/**
 * Claims several mails in one transaction (one write to disk for a batch, not one per mail);
 * returns the keys claimed now — not those claimed or sent before.
 */
export async function claimDeliveries(
	db: DB,
	inputs: readonly DeliveryClaim[],
	now: Date
): Promise<Set<string>> {
	const claimedKeys = new Set<string>();
	if (inputs.length === 0) return claimedKeys;
	await db.transaction().execute(async (trx) => {
		for (const input of inputs) if (await claimOne(trx, input, now)) claimedKeys.add(input.key);
	});
	return claimedKeys;
}

async function claimOne(trx: DB, input: DeliveryClaim, now: Date): Promise<boolean> {
	{
		const claimed = await trx
			.insertInto('deliveries')
			.values({
				id: newId(),
				channel: 'email',
				key: input.key,
				userId: input.userId,
				status: 'sending',
				attempts: 1,
				error: null,
				createdAt: now,
				sentAt: null
			})
			.onConflict((oc) => oc.columns(['channel', 'key']).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!claimed) return false;
		for (let i = 0; i < input.notificationIds.length; i += CHUNK)
			await trx
				.updateTable('notifications')
				.set({ emailedAt: now })
				.where('id', 'in', input.notificationIds.slice(i, i + CHUNK))
				.where('emailedAt', 'is', null)
				.execute();
		return true;
	}
}

export async function markSent(db: DB, keys: string | readonly string[], now: Date): Promise<void> {
	const all = typeof keys === 'string' ? [keys] : keys;
	for (let i = 0; i < all.length; i += CHUNK)
		await db
			.updateTable('deliveries')
			.set({ status: 'sent', sentAt: now })
			.where('channel', '=', 'email')
			.where('key', 'in', all.slice(i, i + CHUNK))
			.execute();
}

/** Refused for good (no such mailbox): kept as failed, the notifications given up by email. */
export async function markFailed(db: DB, key: string, error: string): Promise<void> {
	await db
		.updateTable('deliveries')
		.set({ status: 'failed', error })
		.where('channel', '=', 'email')
		.where('key', '=', key)
		.execute();
}

/** Not sent, but may be later: the claim is given back and the notifications wait again. */
export async function releaseDelivery(
	db: DB,
	key: string,
	notificationIds: readonly string[]
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.deleteFrom('deliveries')
			.where('channel', '=', 'email')
			.where('key', '=', key)
			.where('status', '=', 'sending')
			.execute();
		for (let i = 0; i < notificationIds.length; i += CHUNK)
			await trx
				.updateTable('notifications')
				.set({ emailedAt: null })
				.where('id', 'in', notificationIds.slice(i, i + CHUNK))
				.execute();
	});
}
