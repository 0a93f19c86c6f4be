import { isPostgres } from '../db/migrations/columns';
import { newId } from '../db/ids';
import type { DB, Job } from '../db/types';

// The job queue lives in the database (docs/architecture.md): enqueued in the same transaction as
// the change that needs it, claimed by exactly one worker with one atomic UPDATE, renewed by
// a heartbeat while it runs. A job whose worker died (no heartbeat) is given back or failed.

/** A worker that has not renewed its heartbeat for this long is taken for dead. */
export const STALE_AFTER_MS = 120_000;

export async function enqueueJob(
	db: DB,
	kind: string,
	payload: unknown,
	options: { now?: Date; maxAttempts?: number; runAt?: Date; key?: string } = {}
): Promise<string> {
	const now = options.now ?? new Date();
	const id = newId();
	await db
		.insertInto('jobs')
		.values({
			id,
			kind,
			payload: JSON.stringify(payload),
			status: 'queued',
			attempts: 0,
			maxAttempts: options.maxAttempts ?? 2,
			runAt: options.runAt ?? now,
			key: options.key ?? null,
			lockedBy: null,
			heartbeatAt: null,
			error: null,
			createdAt: now,
			startedAt: null,
			finishedAt: null
		})
		// A keyed job exists once: enqueued again (another instance, a retried sweep), nothing happens.
		.$if(options.key !== undefined, (q) => q.onConflict((oc) => oc.column('key').doNothing()))
		.execute();
	return id;
}

/**
 * Takes the oldest job that is due, for this worker only. On PostgreSQL `SKIP LOCKED` lets
 * several instances claim side by side; SQLite has one writer at a time anyway. The status
 * guard in the UPDATE makes a lost race return nothing rather than a job twice.
 */
export async function claimJob(db: DB, workerId: string, now = new Date()): Promise<Job | null> {
	const pg = isPostgres(db as never);
	const next = db
		.selectFrom('jobs')
		.select('id')
		.where('status', '=', 'queued')
		.where('runAt', '<=', now)
		.orderBy('runAt')
		.orderBy('id')
		.limit(1);
	const claimed = await db
		.updateTable('jobs')
		.set((eb) => ({
			status: 'running',
			lockedBy: workerId,
			heartbeatAt: now,
			startedAt: now,
			attempts: eb('attempts', '+', 1)
		}))
		.where('id', '=', (pg ? next.forUpdate().skipLocked() : next) as typeof next)
		.where('status', '=', 'queued')
		.returningAll()
		.executeTakeFirst();
	return claimed ?? null;
}

/** Tells the queue this worker still runs the job; false if it lost it meanwhile. */
export async function heartbeat(db: DB, job: Job, now = new Date()): Promise<boolean> {
	const result = await db
		.updateTable('jobs')
		.set({ heartbeatAt: now })
		.where('id', '=', job.id)
		.where('status', '=', 'running')
		.where('lockedBy', '=', job.lockedBy)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function finishJob(
	db: DB,
	job: Job,
	outcome: { error?: string; retry?: boolean },
	now = new Date()
): Promise<void> {
	const retry = outcome.error !== undefined && outcome.retry && job.attempts < job.maxAttempts;
	await db
		.updateTable('jobs')
		.set(
			retry
				? {
						status: 'queued',
						lockedBy: null,
						error: outcome.error ?? null,
						// A little later each time: a flaky resource gets time to come back.
						runAt: new Date(now.getTime() + 5_000 * job.attempts)
					}
				: {
						status: outcome.error === undefined ? 'done' : 'failed',
						error: outcome.error ?? null,
						finishedAt: now
					}
		)
		.where('id', '=', job.id)
		.where('lockedBy', '=', job.lockedBy)
		.where('status', '=', 'running')
		.execute();
}

/**
 * Jobs whose worker stopped renewing the heartbeat (a crash, a kill): queued again while they
 * have attempts left, failed otherwise. Returns the failed ones so their owners can be told.
 */
export async function recoverStaleJobs(db: DB, now = new Date()): Promise<Job[]> {
	const before = new Date(now.getTime() - STALE_AFTER_MS);
	await db
		.updateTable('jobs')
		.set({ status: 'queued', lockedBy: null, error: 'worker stopped' })
		.where('status', '=', 'running')
		.where('heartbeatAt', '<', before)
		.where((eb) => eb('attempts', '<', eb.ref('maxAttempts')))
		.execute();
	return db
		.updateTable('jobs')
		.set({ status: 'failed', error: 'worker stopped', finishedAt: now })
		.where('status', '=', 'running')
		.where('heartbeatAt', '<', before)
		.returningAll()
		.execute();
}
