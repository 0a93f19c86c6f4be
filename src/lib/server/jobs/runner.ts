import { hostname } from 'node:os';
import { withAuditContext } from '../db/audit-capture';
import type { DB, Job } from '../db/types';
import { log } from '../log';
import type { BlobStore } from '../storage/types';
import { claimJob, enqueueJob, finishJob, heartbeat, recoverStaleJobs } from './queue';

// Runs queued jobs inside the app process, one at a time (2 cores: the heavy part of a job
// runs in a worker thread, and the other core keeps serving pages). Several app instances
// on one PostgreSQL each run a runner; the queue hands every job to one of them.

export interface JobContext {
	db: DB;
	files: BlobStore;
	/** Renews the claim; false when the job was taken away (the handler should stop). */
	heartbeat: () => Promise<boolean>;
}

export type JobHandler = (job: Job, context: JobContext) => Promise<void>;

/** A failure the handler has already recorded for its users; `retry` asks for another go. */
export class JobFailure extends Error {
	readonly retry: boolean;
	constructor(message: string, retry = false) {
		super(message);
		this.name = 'JobFailure';
		this.retry = retry;
	}
}

/** Called when a job failed for good (its last attempt, or its worker died). */
export type FailureHook = (db: DB, job: Job) => Promise<void>;

const handlers = new Map<string, { run: JobHandler; failed?: FailureHook }>();

export function registerJob(kind: string, run: JobHandler, failed?: FailureHook): void {
	handlers.set(kind, { run, failed });
}

/**
 * Sweeps that run every `everyMs` (reminders, digests, reading the Telegram bot): one job per
 * time slot, keyed, so several instances enqueue it once and a slow sweep is not run twice.
 */
const periodic = new Map<string, number>();
const lastSlot = new Map<string, number>();

export function registerPeriodic(kind: string, everyMs: number, run: JobHandler): void {
	registerJob(kind, run);
	periodic.set(kind, everyMs);
}

/** Enqueues each periodic sweep whose slot has begun (once per slot and process). */
export async function enqueueDueSweeps(db: DB, now = new Date()): Promise<void> {
	for (const [kind, every] of periodic) {
		const slot = Math.floor(now.getTime() / every) * every;
		if (lastSlot.get(kind) === slot) continue;
		await enqueueJob(db, kind, { slot }, { now, key: `${kind}:${slot}`, maxAttempts: 1 });
		lastSlot.set(kind, slot);
	}
}

const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

/** Runs one due job, if any. Returns whether there was one. */
export async function runNextJob(db: DB, files: BlobStore, now = new Date()): Promise<boolean> {
	for (const job of await recoverStaleJobs(db, now))
		await handlers.get(job.kind)?.failed?.(db, job);
	const job = await claimJob(db, workerId, now);
	if (!job) return false;
	const handler = handlers.get(job.kind);
	if (!handler) {
		await finishJob(db, job, { error: `no handler for ${job.kind}` });
		return true;
	}
	const started = performance.now();
	// What the job changes is logged as done by the job (the audit log).
	const audit = { requestId: `job:${job.kind}:${job.id}`, actorId: () => null };
	try {
		await withAuditContext(audit, () =>
			handler.run(job, { db, files, heartbeat: () => heartbeat(db, job) })
		);
		await finishJob(db, job, {});
		log.info(
			{ job: job.id, kind: job.kind, ms: Math.round(performance.now() - started) },
			'job done'
		);
	} catch (err) {
		const retry = err instanceof JobFailure ? err.retry : true;
		const message = err instanceof Error ? err.message : String(err);
		log.warn({ job: job.id, kind: job.kind, err }, 'job failed');
		// The owner hears of a final failure before the job is closed: if this process dies in
		// between, the job is still "running" and stale recovery tells the owner again.
		if (!retry || job.attempts >= job.maxAttempts)
			await withAuditContext(audit, async () => handler.failed?.(db, job));
		await finishJob(db, job, { error: message, retry });
	}
	return true;
}

/** Runs due jobs until none is left (tests, scripts, the demo seed). */
export async function runJobsUntilIdle(db: DB, files: BlobStore): Promise<number> {
	let count = 0;
	while (await runNextJob(db, files)) count++;
	return count;
}

/**
 * The in-process loop: polls every few seconds and right away when this process enqueues
 * (`wakeJobRunner`). Stops between jobs on shutdown.
 */
interface Loop {
	db: DB;
	files: BlobStore;
	timer?: NodeJS.Timeout;
	busy: boolean;
	/** Woken while busy: look again before sleeping. */
	again: boolean;
	stopped: boolean;
}
let loop: Loop | null = null;
const POLL_MS = 3_000;

export function startJobRunner(db: DB, files: BlobStore): void {
	if (loop) return;
	loop = { db, files, busy: false, again: false, stopped: false };
	wakeJobRunner();
}

export function wakeJobRunner(): void {
	const current = loop;
	if (!current || current.stopped) return;
	if (current.busy) {
		current.again = true;
		return;
	}
	clearTimeout(current.timer);
	current.busy = true;
	void (async () => {
		try {
			do {
				current.again = false;
				await enqueueDueSweeps(current.db);
				while (!current.stopped && (await runNextJob(current.db, current.files)));
			} while (current.again && !current.stopped);
		} catch (err) {
			log.error({ err }, 'job runner');
		} finally {
			current.busy = false;
			if (!current.stopped) current.timer = setTimeout(wakeJobRunner, POLL_MS);
		}
	})();
}

export async function stopJobRunner(): Promise<void> {
	const current = loop;
	if (!current) return;
	current.stopped = true;
	clearTimeout(current.timer);
	while (current.busy) await new Promise((r) => setTimeout(r, 50));
	loop = null;
}
