import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskStore } from './disk';

// Issue 16, finding 8: stored files were 644 in 755 folders, readable by any local account.

let root: string;
let umask: number;
beforeEach(async () => {
	root = await mkdtemp(path.join(os.tmpdir(), 'ustat-modes-'));
	// The most permissive usual umask: the store must not rely on the process's.
	umask = process.umask(0o022);
});
afterEach(async () => {
	process.umask(umask);
	await rm(root, { recursive: true, force: true });
});

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('stored files', () => {
	it('are 600 in folders of 700, whether written from bytes or from a file', async () => {
		const store = createDiskStore(path.join(root, 'files'));
		const a = 'a'.repeat(64);
		const b = 'b'.repeat(64);
		await store.putBytes(a, new Uint8Array([1, 2, 3]), 'application/octet-stream');
		const upload = path.join(root, 'upload');
		await writeFile(upload, 'hello');
		await store.putFile(b, upload, 'text/plain');
		for (const key of [a, b]) {
			const file = path.join(root, 'files', key.slice(0, 2), key.slice(2, 4), key);
			expect(await mode(file)).toBe(0o600);
			expect(await mode(path.dirname(file))).toBe(0o700);
			expect(await mode(path.dirname(path.dirname(file)))).toBe(0o700);
		}
	});
});
