import { newId } from '../../db/ids';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';

/**
 * Failed sign-ins allowed in a window, per account and per client address. Past either
 * limit, sign-in answers 429 until the window slides. Per-IP is higher: a school's
 * computer room shares one address.
 */
export const throttleLimits = {
	windowMs: 15 * 60 * 1000,
	perAccount: 5,
	perIp: 30
} as const;

const accountKey = (email: string) => `account:${email.toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

async function failuresSince(db: DB, key: string, since: Date) {
	const row = await db
		.selectFrom('loginFailures')
		.select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('failedAt').as('oldestAt')])
		.where('key', '=', key)
		.where('failedAt', '>', since)
		.executeTakeFirstOrThrow();
	return { count: row.count, oldest: row.oldestAt as Date | null };
}

/** Throws rate_limited when the account or the address has failed too often. */
export async function assertNotThrottled(db: DB, email: string, ip: string, now = new Date()) {
	const since = new Date(now.getTime() - throttleLimits.windowMs);
	const checks = [
		{ ...(await failuresSince(db, accountKey(email), since)), limit: throttleLimits.perAccount },
		{ ...(await failuresSince(db, ipKey(ip), since)), limit: throttleLimits.perIp }
	];
	for (const { count, oldest, limit } of checks) {
		if (count >= limit && oldest) {
			const retryMs = oldest.getTime() + throttleLimits.windowMs - now.getTime();
			throw new AppError('rate_limited', 'error_too_many_attempts', {
				params: { minutes: Math.max(1, Math.ceil(retryMs / 60_000)) },
				retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000))
			});
		}
	}
}

export async function recordFailure(db: DB, email: string, ip: string, now = new Date()) {
	const cutoff = new Date(now.getTime() - throttleLimits.windowMs);
	const keys = [accountKey(email), ipKey(ip)];
	await db
		.deleteFrom('loginFailures')
		.where('key', 'in', keys)
		.where('failedAt', '<=', cutoff)
		.execute();
	await db
		.insertInto('loginFailures')
		.values(keys.map((key) => ({ id: newId(), key, failedAt: now })))
		.execute();
}

export async function clearAccountFailures(db: DB, email: string) {
	await db.deleteFrom('loginFailures').where('key', '=', accountKey(email)).execute();
}
