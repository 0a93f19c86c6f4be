import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/vitest';
import { removeOldJobs } from './cleanup';
import { claimJob, enqueueJob, finishJob } from './queue';
import { enqueueDueSweeps, registerPeriodic } from './runner';

const t = useTestDatabase();

describe('keyed and periodic jobs', () => {
	it('a keyed job exists once however often it is enqueued', async () => {
		const now = new Date();
		await enqueueJob(t.db, 'test', { a: 1 }, { now, key: 'k1' });
		await enqueueJob(t.db, 'test', { a: 2 }, { now, key: 'k1' });
		await enqueueJob(t.db, 'test', { a: 3 }, { now, key: 'k2' });
		await enqueueJob(t.db, 'test', { a: 4 }, { now });
		const rows = await t.db
			.selectFrom('jobs')
			.select(['key', 'payload'])
			.where('kind', '=', 'test')
			.orderBy('payload')
			.execute();
		expect(rows.map((r) => [r.key, JSON.parse(r.payload).a])).toEqual([
			['k1', 1],
			['k2', 3],
			[null, 4]
		]);
	});

	it('enqueues a sweep once per time slot, and again in the next slot', async () => {
		registerPeriodic('test.sweep', 60_000, async () => {});
		const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
		await enqueueDueSweeps(t.db, new Date(slot.getTime() + 1_000));
		await enqueueDueSweeps(t.db, new Date(slot.getTime() + 30_000));
		const sweeps = () =>
			t.db.selectFrom('jobs').select('key').where('kind', '=', 'test.sweep').execute();
		expect(await sweeps()).toHaveLength(1);
		await enqueueDueSweeps(t.db, new Date(slot.getTime() + 61_000));
		expect(await sweeps()).toHaveLength(2);
	});

	it('removes done jobs after a week and failed ones after a month, not sooner', async () => {
		const day = 86_400_000;
		const now = new Date('2026-12-07T10:00:00Z');
		const finish = async (ageDays: number, error?: string) => {
			const at = new Date(now.getTime() - ageDays * day);
			await enqueueJob(t.db, 'test.age', { ageDays, error }, { now: at });
			const job = (await claimJob(t.db, 'w', at))!;
			await finishJob(t.db, job, { error }, at);
		};
		await finish(8);
		await finish(6);
		await finish(20, 'boom');
		await finish(31, 'boom');
		expect(await removeOldJobs(t.db, now)).toBeGreaterThanOrEqual(2);
		const left = await t.db
			.selectFrom('jobs')
			.select('payload')
			.where('kind', '=', 'test.age')
			.execute();
		expect(left.map((r) => JSON.parse(r.payload).ageDays).sort()).toEqual([20, 6]);
	});
});
