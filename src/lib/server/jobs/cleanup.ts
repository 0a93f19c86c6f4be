import type { DB } from '../db/types';
import { removeOldConversionEvents } from '../richtext/conversion-quota';
import { removeStalePreviews } from '../richtext/preview-cache';
import { registerPeriodic } from './runner';

// Periodic sweeps (reminders, digests, reading the Telegram bot) leave a finished row each
// time: thousands a day. Done jobs are kept a week (what ran lately, for an operator who
// asks), failed ones a month (what went wrong, with its error).
export const KEEP_DONE_DAYS = 7;
export const KEEP_FAILED_DAYS = 30;

export async function removeOldJobs(db: DB, now = new Date()): Promise<number> {
	const day = 86_400_000;
	const done = await db
		.deleteFrom('jobs')
		.where('status', '=', 'done')
		.where('finishedAt', '<', new Date(now.getTime() - KEEP_DONE_DAYS * day))
		.executeTakeFirst();
	const failed = await db
		.deleteFrom('jobs')
		.where('status', '=', 'failed')
		.where('finishedAt', '<', new Date(now.getTime() - KEEP_FAILED_DAYS * day))
		.executeTakeFirst();
	return Number(done.numDeletedRows) + Number(failed.numDeletedRows);
}

/** Form results nobody came back for (web/form-results.ts keeps them a minute). */
export async function removeExpiredFormResults(db: DB, now = new Date()): Promise<void> {
	await db.deleteFrom('formResults').where('expiresAt', '<', now).execute();
}

registerPeriodic('jobs.cleanup', 6 * 3_600_000, async (_job, { db }) => {
	await removeOldJobs(db);
	// Word previews nobody opens any more, and conversion counts past their hour.
	await removeStalePreviews(db);
	await removeOldConversionEvents(db);
	await removeExpiredFormResults(db);
});
