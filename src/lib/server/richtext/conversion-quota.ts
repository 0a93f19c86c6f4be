import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../db/migrations/columns';
import { newId } from '../db/ids';
import type { Database, DB } from '../db/types';
import { AppError } from '../errors';

/**
 * Word conversions (an import into a material, a preview not yet in the cache) each cost the
 * server up to a worker's time limit: a person may start this many in a sliding hour.
 */
export const conversionQuota = { windowMs: 60 * 60 * 1000, perPerson: 20 } as const;

const keyOf = (userId: string) => `import:user:${userId}`;

async function take(trx: DB, key: string, now: Date): Promise<void> {
	// One taker per person at a time (SQLite has one writer anyway): parallel requests are
	// counted one after the other, so exactly the quota passes.
	if (isPostgres(trx as never))
		await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
	await trx.insertInto('rateEvents').values({ id: newId(), key, createdAt: now }).execute();
	const row = await trx
		.selectFrom('rateEvents')
		.select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('createdAt').as('oldestAt')])
		.where('key', '=', key)
		.where('createdAt', '>', new Date(now.getTime() - conversionQuota.windowMs))
		.executeTakeFirstOrThrow();
	if (Number(row.count) <= conversionQuota.perPerson) return;
	const oldest = row.oldestAt ? new Date(row.oldestAt as Date | string) : now;
	const retryMs = oldest.getTime() + conversionQuota.windowMs - now.getTime();
	// Thrown inside the transaction: the refused attempt's row is rolled back, so retrying
	// while refused does not push the window further.
	throw new AppError('rate_limited', 'docx_error_too_many_conversions', {
		field: 'docx',
		params: { max: conversionQuota.perPerson },
		retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000))
	});
}

/**
 * Takes one conversion from the person's quota, or throws rate_limited with Retry-After. The
 * attempt is recorded first and counted after, in one transaction per person, so parallel
 * requests cannot all pass on the same count.
 */
export async function takeConversion(db: DB, userId: string, now = new Date()): Promise<void> {
	const key = keyOf(userId);
	if (db.isTransaction) return take(db, key, now);
	await (db as Kysely<Database>).transaction().execute((trx) => take(trx, key, now));
}

/** Rows older than the window count for nothing any more (the periodic cleanup). */
export async function removeOldConversionEvents(db: DB, now = new Date()): Promise<number> {
	const result = await db
		.deleteFrom('rateEvents')
		.where('key', 'like', 'import:user:%')
		.where('createdAt', '<=', new Date(now.getTime() - conversionQuota.windowMs))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
