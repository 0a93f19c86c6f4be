import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/vitest';
import {
	claimJob,
	enqueueJob,
	finishJob,
	heartbeat,
	recoverStaleJobs,
	STALE_AFTER_MS
} from './queue';

const t = useTestDatabase();

describe('job queue', () => {
	it('hands each job to exactly one of many workers claiming at once', async () => {
		const now = new Date();
		const ids = await Promise.all(
			Array.from({ length: 5 }, (_, i) => enqueueJob(t.db, 'test', { i }, { now }))
		);
		const claims = await Promise.all(
			Array.from({ length: 12 }, (_, i) => claimJob(t.db, `worker-${i}`, now))
		);
		const got = claims.filter((c) => c !== null).map((c) => c.id);
		expect(got.sort()).toEqual([...ids].sort());
		expect(await claimJob(t.db, 'late', now)).toBeNull();
		const running = await t.db.selectFrom('jobs').select('status').execute();
		expect(running.every((r) => r.status === 'running')).toBe(true);
	});

	it('retries a failed job later, then fails it for good; a dead worker’s job is given back', async () => {
		await t.db.deleteFrom('jobs').execute();
		const now = new Date();
		await enqueueJob(t.db, 'test', {}, { now, maxAttempts: 2 });
		const first = (await claimJob(t.db, 'a', now))!;
		await finishJob(t.db, first, { error: 'flaky', retry: true }, now);
		expect(await claimJob(t.db, 'a', now)).toBeNull(); // waits a little before the retry
		const later = new Date(now.getTime() + 60_000);
		const second = (await claimJob(t.db, 'b', later))!;
		expect(second.attempts).toBe(2);
		await finishJob(t.db, second, { error: 'flaky again', retry: true }, later);
		const row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
		expect([row.status, row.error]).toEqual(['failed', 'flaky again']);

		// A worker dies holding a job: given back while attempts remain, failed after.
		const id = await enqueueJob(t.db, 'test', {}, { now, maxAttempts: 2 });
		const held = (await claimJob(t.db, 'dies', now))!;
		expect(held.id).toBe(id);
		const stale = new Date(now.getTime() + STALE_AFTER_MS + 1000);
		expect(await recoverStaleJobs(t.db, stale)).toEqual([]);
		const again = (await claimJob(t.db, 'takes-over', stale))!;
		expect(again.id).toBe(id);
		// The dead worker cannot renew or finish what it lost.
		expect(await heartbeat(t.db, held, stale)).toBe(false);
		await finishJob(t.db, held, {}, stale);
		expect(
			(
				await t.db
					.selectFrom('jobs')
					.select('status')
					.where('id', '=', id)
					.executeTakeFirstOrThrow()
			).status
		).toBe('running');
		const failed = await recoverStaleJobs(t.db, new Date(stale.getTime() + STALE_AFTER_MS + 1000));
		expect(failed.map((j) => j.id)).toEqual([id]);
	});
});
