import { enqueueJob } from '../../jobs/queue';
import { JobFailure, registerJob, registerPeriodic } from '../../jobs/runner';
import { mailEnabled } from '../../mail';
import { EMAIL_JOB } from '../notify';
import { sendDigests } from './digest';
import { sendEventEmails } from './send-instant';

// Registers the email jobs when imported (hooks.server.ts): an event's instant mails, and a
// sweep every 15 minutes that sends the digests due and gives another go to instant mails
// whose job gave up while the mail server was down.

export const EMAIL_SWEEP = 'notify.email.sweep';
export const SWEEP_MS = 15 * 60 * 1000;
/** Instant mail still waiting this long after its event: its job gave up; enqueued again. */
const STUCK_MS = 10 * 60 * 1000;

registerJob(EMAIL_JOB, async (job, { db }) => {
	const { eventKey } = JSON.parse(job.payload) as { eventKey?: unknown };
	if (typeof eventKey !== 'string') throw new JobFailure('no eventKey', false);
	const outcome = await sendEventEmails(db, eventKey);
	// Retried with backoff by the queue; after its last attempt the sweep takes over.
	if (outcome.postponed) throw new JobFailure('mail server unavailable', true);
});

registerPeriodic(EMAIL_SWEEP, SWEEP_MS, async (job, { db }) => {
	if (!mailEnabled()) return;
	const now = new Date();
	await sendDigests(db, now);
	await requeueStuck(db, now, job.id);
});

/** One job per event with instant mail still waiting long after it was made. */
export async function requeueStuck(db: Parameters<typeof sendDigests>[0], now: Date, tag: string) {
	const stuck = await db
		.selectFrom('notifications as n')
		.innerJoin('users as u', 'u.id', 'n.userId')
		.select('n.eventKey')
		.distinct()
		.where('n.email', '=', 'instant')
		.where('n.emailedAt', 'is', null)
		.where('u.isActive', '=', true)
		.where('n.createdAt', '<', new Date(now.getTime() - STUCK_MS))
		// Not mail from long ago (SMTP set up only now): what is that old is in the inbox.
		.where('n.createdAt', '>', new Date(now.getTime() - 3 * 24 * 60 * 60 * 1000))
		.limit(200)
		.execute();
	for (const { eventKey } of stuck)
		await enqueueJob(
			db,
			EMAIL_JOB,
			{ eventKey },
			{ now, key: `${EMAIL_JOB}:again:${eventKey}:${tag}` }
		);
}
