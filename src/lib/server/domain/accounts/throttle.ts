import { newId } from '../../db/ids';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';

/**
 * Sign-in attempts allowed in a window, per account and per client address. Past either
 * limit, sign-in answers 429 until the window slides. Per-IP is higher: a school's
 * computer room shares one address.
 */
export const throttleLimits = {
	windowMs: 15 * 60 * 1000,
	perAccount: 5,
	perIp: 30
} as const;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** An attempt let through: its rows count as a failure unless it succeeds. */
export interface Attempt {
	accountKey: string;
	rowIds: string[];
	/** The account has now used its last attempt of the window (a lockout starts if it fails). */
	isLastForAccount: boolean;
}

async function countSince(db: DB, key: string, since: Date) {
	const row = await db
		.selectFrom('loginFailures')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('key', '=', key)
		.where('failedAt', '>', since)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/**
 * When the next attempt will be let through: once all but limit − 1 of the rows in the
 * window have left it, i.e. when the limit-th newest row leaves.
 */
async function refusal(db: DB, key: string, limit: number, now: Date): Promise<AppError> {
	const row = await db
		.selectFrom('loginFailures')
		.select('failedAt')
		.where('key', '=', key)
		.orderBy('failedAt', 'desc')
		.offset(limit - 1)
		.limit(1)
		.executeTakeFirst();
	const from = row ? new Date(row.failedAt) : now;
	const retryMs = from.getTime() + throttleLimits.windowMs - now.getTime();
	return new AppError('rate_limited', 'error_too_many_attempts', {
		params: { minutes: Math.max(1, Math.ceil(retryMs / 60_000)) },
		retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000))
	});
}

/**
 * Records an attempt, then counts it with the others of the window. Each step is its own
 * statement (never one transaction: the rows must be seen by parallel attempts at once), so
 * of any number of attempts sent together at most the limit see a count within it: the
 * last of them to be inserted counts every earlier one. A refused attempt throws
 * rate_limited (the password must not be checked then) and stays counted: guessing on
 * while refused keeps the account waiting.
 */
export async function beginAttempt(
	db: DB,
	email: string,
	ip: string,
	now = new Date()
): Promise<Attempt> {
	const since = new Date(now.getTime() - throttleLimits.windowMs);
	const keys = { account: accountKey(email), ip: ipKey(ip) };
	await db
		.deleteFrom('loginFailures')
		.where('key', 'in', [keys.account, keys.ip])
		.where('failedAt', '<=', since)
		.execute();
	const rows = [
		{ id: newId(), key: keys.account, failedAt: now },
		{ id: newId(), key: keys.ip, failedAt: now }
	];
	await db.insertInto('loginFailures').values(rows).execute();
	const account = await countSince(db, keys.account, since);
	if (account > throttleLimits.perAccount)
		throw await refusal(db, keys.account, throttleLimits.perAccount, now);
	if ((await countSince(db, keys.ip, since)) > throttleLimits.perIp)
		throw await refusal(db, keys.ip, throttleLimits.perIp, now);
	return {
		accountKey: keys.account,
		rowIds: rows.map((r) => r.id),
		isLastForAccount: account === throttleLimits.perAccount
	};
}

/**
 * The password was right but a second factor is due: this attempt does not count, but the
 * account's failures stay (wrong codes among them) until the sign-in is complete, so new
 * challenges give no new guesses.
 */
export async function attemptPassed(db: DB, attempt: Attempt): Promise<void> {
	await db.deleteFrom('loginFailures').where('id', 'in', attempt.rowIds).execute();
}

/** The attempt succeeded: the account starts afresh, and it does not count for the address. */
export async function attemptSucceeded(db: DB, attempt: Attempt): Promise<void> {
	await db.deleteFrom('loginFailures').where('id', 'in', attempt.rowIds).execute();
	await db.deleteFrom('loginFailures').where('key', '=', attempt.accountKey).execute();
}

export async function clearAccountFailures(db: DB, email: string) {
	await db.deleteFrom('loginFailures').where('key', '=', accountKey(email)).execute();
}
