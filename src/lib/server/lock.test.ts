import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from './lock';

describe('withFileLock', () => {
	it('makes a second process wait until the first releases the lock', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-lock-'));
		const lockFile = path.join(dir, 'migrate.lock');
		// Another process takes the lock and holds it for 800 ms.
		const holder = spawn(
			process.execPath,
			[
				'-e',
				`const D = require('better-sqlite3'); const db = new D(${JSON.stringify(lockFile)});
				 db.exec('BEGIN EXCLUSIVE'); console.log('locked');
				 setTimeout(() => { db.exec('COMMIT'); db.close(); }, 800);`
			],
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
		const started = Date.now();
		const order: string[] = [];
		await withFileLock(lockFile, async () => {
			order.push('inside');
		});
		expect(Date.now() - started).toBeGreaterThanOrEqual(600);
		expect(order).toEqual(['inside']);
		await new Promise((resolve) => holder.once('exit', resolve));
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('releases the lock when the work fails', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-lock-'));
		const lockFile = path.join(dir, 'x.lock');
		await expect(
			withFileLock(lockFile, async () => Promise.reject(new Error('boom')))
		).rejects.toThrow('boom');
		await expect(withFileLock(lockFile, async () => 'again', 1000)).resolves.toBe('again');
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
